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

namespace {
bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}
}  // namespace

TEST_CASE("usage errors exit 2, with a suggestion for a mistyped command", "[e2e][errors]") {
  EmulatorProcess emulator;
  Cli cli(emulator);
  const auto typo = cli.run({"lst"});
  CHECK(typo.exit_code == 2);
  CHECK(typo.out.empty());
  CHECK(has(typo.err, "iotc-jobs: error: unknown command 'lst'. Did you mean 'list'?"));
  CHECK(has(cli.run({"--output", "json", "shwo", "x"}).err, "Did you mean 'show'?"));
  CHECK(cli.run({}).exit_code == 2);
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
  CHECK(has(help.out, "  6    the job ended failed, cancelled or stopped, or with failed devices"));
  CHECK(has(help.out, "  130  interrupted"));
  for (const auto* command :
       {"list", "show", "devices", "create", "stop", "resume", "rerun", "wait"}) {
    const auto sub = cli.run({command, "--help"});
    INFO(command);
    CHECK(sub.exit_code == 0);
    // The examples come before the usage line.
    const auto examples = sub.out.find("Examples:\n  iotc-jobs ");
    CHECK(examples != std::string::npos);
    CHECK(examples < sub.out.find("Usage:"));
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
  CHECK(has(network.err, "iotc-jobs: error:"));
}

TEST_CASE("Ctrl-C during a wait exits 130 and leaves the job running", "[e2e][errors]") {
  EmulatorProcess emulator({"--manual-clock"});
  Cli cli(emulator);
  put_job(emulator, "job-long", kThermostatsGroup);
  TempDir dir;
  const std::string err_path = dir.file("err");
  const auto env = merged_environment({{"IOTC_BASE_URL", emulator.base_url()},
                                       {"IOTC_API_TOKEN", std::string(kTestToken)},
                                       {"IOTC_FORCE_TTY", "0"},
                                       {"XDG_CONFIG_HOME", dir.path()}});
  const std::string binary = cli_binary();
  const pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    const int err = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const int null = open("/dev/null", O_RDWR);
    dup2(null, 0);
    dup2(null, 1);
    dup2(err, 2);
    std::vector<char*> envp;
    for (const auto& entry : env) envp.push_back(const_cast<char*>(entry.c_str()));
    envp.push_back(nullptr);
    const char* argv[] = {binary.c_str(), "wait", "job-long", "--interval", "200ms", nullptr};
    execve(binary.c_str(), const_cast<char* const*>(argv), envp.data());
    _exit(127);
  }
  // Let it poll a few times, then press Ctrl-C.
  std::this_thread::sleep_for(std::chrono::milliseconds(800));
  kill(pid, SIGINT);
  int status = 0;
  waitpid(pid, &status, 0);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 130);
  CHECK(has(read_file(err_path), "interrupted"));
  CHECK(emulator.request("GET", "/api/jobs/job-long?api-version=2022-07-31").body["status"] ==
        "running");
}
