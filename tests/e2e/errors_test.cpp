// Exit codes and messages when things go wrong: usage, auth, not found, service and network
// failures, Ctrl-C.

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <regex>
#include <thread>

#include "fixtures.hpp"

using namespace iotc::testing;
using iotc::model::Json;

TEST_CASE("usage errors exit 2, with a suggestion for a mistyped command", "[e2e][errors]") {
  EmulatorProcess emulator;
  Cli cli(emulator);
  const auto typo = cli.run({"lst"});
  CHECK(typo.exit_code == 2);
  CHECK(typo.out.empty());
  CHECK(has(typo.err, "iotc-jobs: error: unknown command 'lst'. Did you mean 'list'?"));
  CHECK(has(cli.run({"--output", "json", "shwo", "x"}).err, "Did you mean 'show'?"));
  CHECK(cli.run({"-o", "json"}).exit_code == 2);
  CHECK(cli.run({"list", "--output", "xml"}).exit_code == 2);
  CHECK(cli.run({"list", "--api-version", "2020-01-01"}).exit_code == 2);
  CHECK(cli.run({"show"}).exit_code == 2);
  CHECK(cli.run({"list", "--bogus"}).exit_code == 2);
  const auto no_app = cli.run({"list"}, {{"IOTC_BASE_URL", std::nullopt}});
  CHECK(no_app.exit_code == 2);
  CHECK(has(no_app.err, "iotc-jobs: error:"));
}

TEST_CASE("help leads with examples and ends with the exit codes", "[e2e][errors]") {
  EmulatorProcess emulator;
  Cli cli(emulator);
  const auto help = cli.run({"--help"});
  CHECK(help.exit_code == 0);
  CHECK(has(help.out, "Examples:\n  "));
  CHECK(has(help.out, "Exit status:\n  0    success"));
  CHECK(has(help.out, "  6    the job ended other than asked"));
  CHECK(has(help.out, "  7    conflict"));
  CHECK(has(help.out, "  130  interrupted"));
  CHECK(has(help.out, "  141  stdout closed"));
  const auto commands = command_names(help.out);
  REQUIRE_FALSE(commands.empty());
  for (const auto& command : commands) {
    const auto sub = cli.run({command, "--help"});
    INFO(command);
    CHECK(sub.exit_code == 0);
    // The examples come before the usage line, and the first one runs the command (completion's
    // first sources what it prints).
    const auto examples = sub.out.find("Examples:\n  ");
    REQUIRE(examples != std::string::npos);
    CHECK(examples < sub.out.find("Usage:"));
    const auto first = lines_of(sub.out.substr(examples)).at(1);
    CHECK(std::regex_search(first, std::regex("^  (source <\\()?iotc-jobs " + command + "\\b")));
  }
  const auto version = cli.run({"--version"});
  CHECK(version.exit_code == 0);
  CHECK(std::regex_match(version.out, std::regex("iotc-jobs \\d+\\.\\d+\\.\\d+\n")));
}

TEST_CASE("a wrong token exits 4 and never prints the token", "[e2e][errors]") {
  EmulatorProcess emulator;
  Cli cli(emulator);
  const auto result =
      cli.run({"list"}, {{"IOTC_API_TOKEN", "SharedAccessSignature sr=x&sig=canary-7f3a&se=1"}});
  CHECK(result.exit_code == 4);
  CHECK(result.out.empty());
  CHECK(has(result.err, "IOTC_API_TOKEN"));
  CHECK_FALSE(has(result.err, "canary-7f3a"));
}

TEST_CASE("service and network failures exit 1", "[e2e][errors]") {
  EmulatorProcess emulator;
  Cli cli(emulator);
  emulator.request("POST", "/_emulator/faults", Json{{"kind", "500"}, {"path", "/api/jobs"}});
  const auto service = cli.run({"list", "--retries", "0"});
  CHECK(service.exit_code == 1);
  CHECK(service.out.empty());
  CHECK(has(service.err, "iotc-jobs: error:"));

  const auto network =
      cli.run({"list", "--retries", "0"}, {{"IOTC_BASE_URL", "http://127.0.0.1:9"}});
  CHECK(network.exit_code == 1);
  CHECK(has(network.err, "iotc-jobs: error: cannot reach http://127.0.0.1:9"));
  // The system's reason, not only curl's "Couldn't connect to server".
  CHECK(has(network.err, "(Connection refused)"));
}

namespace {

// Starts `iotc-jobs wait job-long <extra>` against `emulator`, presses Ctrl-C (SIGINT) after
// `before_interrupt`, and returns its exit code and stderr. Fails the test when it has not
// exited 10 s after the signal.
struct Interrupted {
  int exit_code = -1;
  std::string err;
};

Interrupted interrupt_wait(const EmulatorProcess& emulator, const std::vector<std::string>& extra,
                           std::chrono::milliseconds before_interrupt) {
  TempDir dir;
  const std::string err_path = dir.file("err");
  const auto env = merged_environment({{"IOTC_BASE_URL", emulator.base_url()},
                                       {"IOTC_API_TOKEN", std::string(kTestToken)},
                                       {"IOTC_FORCE_TTY", "0"},
                                       {"XDG_CONFIG_HOME", dir.path()}});
  const std::string binary = cli_binary();
  std::vector<std::string> args = {binary, "wait", "job-long"};
  args.insert(args.end(), extra.begin(), extra.end());
  const pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    const int err = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const int null = open("/dev/null", O_RDWR);
    dup2(null, 0);
    dup2(null, 1);
    dup2(err, 2);
    std::vector<char*> argv;
    for (const auto& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);
    std::vector<char*> envp;
    for (const auto& entry : env) envp.push_back(const_cast<char*>(entry.c_str()));
    envp.push_back(nullptr);
    execve(binary.c_str(), argv.data(), envp.data());
    _exit(127);
  }
  std::this_thread::sleep_for(before_interrupt);
  kill(pid, SIGINT);
  const auto interrupted_at = std::chrono::steady_clock::now();
  // "At once" with room for a loaded machine; a hang would take the whole interval or request.
  const auto give_up = interrupted_at + std::chrono::seconds(10);
  int status = 0;
  while (waitpid(pid, &status, WNOHANG) == 0) {
    if (std::chrono::steady_clock::now() > give_up) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      FAIL("iotc-jobs wait did not exit within 10 s of Ctrl-C");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  Interrupted result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result.err = read_file(err_path);
  return result;
}

}  // namespace

TEST_CASE("Ctrl-C during a wait exits 130 at once and leaves the job running", "[e2e][errors]") {
  EmulatorProcess emulator({"--manual-clock"});
  put_job(emulator, "job-long", kThermostatsGroup);

  SECTION("between two polls, long before the next one") {
    const auto result =
        interrupt_wait(emulator, {"--interval", "60s"}, std::chrono::milliseconds(800));
    INFO(result.err);
    CHECK(result.exit_code == 130);
    // How to take the wait up again.
    CHECK(has(result.err,
              "iotc-jobs: error: interrupted; job job-long goes on at the service (wait again "
              "with: iotc-jobs wait job-long)"));
  }
  SECTION("while a poll is in flight and the service is slow to answer") {
    emulator.request("POST", "/_emulator/faults",
                     Json{{"kind", "slow"},
                          {"method", "GET"},
                          {"path", "/api/jobs/job-long"},
                          {"count", 100},
                          {"delayMs", 20000}});
    // The first poll hangs for 20 s; an exit within interrupt_wait's 10 s aborted it.
    const auto result =
        interrupt_wait(emulator, {"--interval", "200ms"}, std::chrono::milliseconds(800));
    INFO(result.err);
    CHECK(result.exit_code == 130);
    CHECK(has(result.err, "wait again with: iotc-jobs wait job-long"));
    emulator.request("DELETE", "/_emulator/faults");
  }
  // The job is the service's: nothing was sent to stop it.
  CHECK(emulator.request("GET", "/api/jobs/job-long?api-version=2022-07-31").body["status"] ==
        "running");
}

TEST_CASE("messages name the action, not the HTTP verb", "[e2e][errors]") {
  EmulatorProcess emulator({"--manual-clock"});
  Cli cli(emulator);
  put_job(emulator, "job-verb", kThermostatsGroup);
  emulator.request("POST", "/_emulator/faults",
                   Json{{"kind", "500"}, {"method", "POST"}, {"path", "/api/jobs/job-verb/stop"}});
  const auto stop = cli.run({"stop", "job-verb", "--retries", "0"});
  CHECK(stop.exit_code == 1);
  CHECK(has(stop.err, "iotc-jobs: error: stop of job 'job-verb' failed: HTTP 500"));
  CHECK_FALSE(has(stop.err, "POST"));
  emulator.request("POST", "/_emulator/faults",
                   Json{{"kind", "500"}, {"method", "GET"}, {"path", "/api/jobs/job-verb"}});
  const auto show = cli.run({"show", "job-verb", "--retries", "0"});
  CHECK(show.exit_code == 1);
  CHECK(has(show.err, "iotc-jobs: error: reading job 'job-verb' failed: HTTP 500"));
}

TEST_CASE("usage errors name the option and the form, and point at the command's help",
          "[e2e][errors]") {
  EmulatorProcess emulator;
  Cli cli(emulator);
  const auto limit = cli.run({"list", "--limit", "abc"});
  CHECK(limit.exit_code == 2);
  CHECK(limit.err ==
        "iotc-jobs: error: --limit: 'abc' is not a whole number\n"
        "Run 'iotc-jobs list --help' for usage.\n");
  const auto twice = cli.run({"list", "--limit", "3", "--limit", "4"});
  CHECK(twice.exit_code == 2);
  CHECK(has(twice.err, "--limit was given 2 times; give it once"));
  CHECK_FALSE(has(twice.err, "At Most"));
  const auto missing = cli.run({"wait"});
  CHECK(missing.exit_code == 2);
  CHECK(missing.err ==
        "iotc-jobs: error: JOB_ID is required: iotc-jobs wait JOB_ID\n"
        "Run 'iotc-jobs wait --help' for usage.\n");
  // Nothing was sent for any of them.
  CHECK(emulator.request("GET", "/_emulator/requests").body.at("value").empty());
}

TEST_CASE("iotc-jobs help COMMAND is COMMAND --help", "[e2e][errors]") {
  EmulatorProcess emulator;
  Cli cli(emulator);
  const auto help = cli.run({"help", "wait"});
  CHECK(help.exit_code == 0);
  CHECK(help.out == cli.run({"wait", "--help"}).out);
  CHECK(has(help.out, "iotc-jobs wait"));
  const auto top = cli.run({"help"});
  CHECK(top.exit_code == 0);
  CHECK(top.out == cli.run({"--help"}).out);
}
