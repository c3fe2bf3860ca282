// Exit statuses that depend on where stdout goes: a failed write is 1 with a message, a closed
// pipe is 141 with nothing more printed (as GNU tools ended by SIGPIPE), never 0.

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include "fixtures.hpp"

using namespace iotc::testing;

namespace {

Env client_env(const EmulatorProcess& emulator, const TempDir& home) {
  return {{"IOTC_BASE_URL", emulator.base_url()},
          {"IOTC_API_TOKEN", std::string(kTestToken)},
          {"IOTC_FORCE_TTY", "0"},
          {"HOME", home.path()},
          {"XDG_CONFIG_HOME", home.path()},
          {"IOTC_APP", std::nullopt},
          {"IOTC_PROFILE", std::nullopt}};
}

// iotc-jobs <args> > /dev/full.
ProcessResult run_into_full_disk(const Env& env, const std::vector<std::string>& args) {
  std::vector<std::string> argv = {"sh", "-c", "exec \"$0\" \"$@\" > /dev/full", cli_binary()};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_process(argv, env);
}

struct PipeResult {
  int exit_code;
  std::string err;
};

// iotc-jobs <args> with stdout a pipe whose reader has already gone, as `| head -1` leaves it
// once head has read its line; stderr into a file.
PipeResult run_into_closed_pipe(const Env& env, const std::vector<std::string>& args,
                                const TempDir& dir) {
  int fds[2];
  REQUIRE(pipe(fds) == 0);
  close(fds[0]);
  const std::string err_path = dir.file("stderr");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, err_path.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0600);
  std::vector<std::string> argv_strings = {cli_binary()};
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& arg : argv_strings) argv.push_back(arg.data());
  argv.push_back(nullptr);
  auto env_strings = merged_environment(env);
  std::vector<char*> envp;
  for (auto& entry : env_strings) envp.push_back(entry.data());
  envp.push_back(nullptr);
  pid_t pid = -1;
  const int spawned = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  close(fds[1]);
  REQUIRE(spawned == 0);
  int status = 0;
  REQUIRE(waitpid(pid, &status, 0) == pid);
  const int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return {code, read_file(err_path)};
}

}  // namespace

TEST_CASE("a failed write to stdout exits 1 and says so, for every command that writes",
          "[e2e][exit-status]") {
  EmulatorProcess emulator({"--manual-clock"});
  TempDir home;
  const auto env = client_env(emulator, home);
  put_job(emulator, "job-lab", kLabGroup);  // every device completes
  advance_clock(emulator, "1h");
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"list"},
        {"list", "-o", "json"},
        {"show", "job-lab"},
        {"devices", "job-lab"},
        {"wait", "job-lab"},
        {"--help"},
        {},
        {"create", "--group", kLabGroup, "--target", kThermostatTemplate, "--set", "x=1"}}) {
    const auto result = run_into_full_disk(env, args);
    INFO((args.empty() ? "(bare)" : args.front()));
    CHECK(result.exit_code == 1);
    CHECK(has(result.err, "iotc-jobs: error: cannot write the output to stdout"));
  }
}

TEST_CASE("a closed stdout pipe ends the command with 141 and no message", "[e2e][exit-status]") {
  EmulatorProcess emulator({"--manual-clock"});
  TempDir home;
  const auto env = client_env(emulator, home);
  put_job(emulator, "job-lab", kLabGroup);
  advance_clock(emulator, "1h");
  for (const std::vector<std::string>& args : {std::vector<std::string>{"list"},
                                               {"devices", "job-lab", "-o", "jsonl"},
                                               {"wait", "job-lab", "-q"}}) {
    const auto result = run_into_closed_pipe(env, args, home);
    INFO((args.empty() ? "(bare)" : args.front()));
    CHECK(result.exit_code == 141);
    CHECK(result.err.empty());
  }
}

TEST_CASE("a bare iotc-jobs prints the help on stdout and exits 0", "[e2e][exit-status]") {
  EmulatorProcess emulator;
  TempDir home;
  // Not through Cli::run, which adds --debug in the e2e-debug pass: this must be bare.
  const auto result = run_process({cli_binary()}, client_env(emulator, home));
  CHECK(result.exit_code == 0);
  CHECK(has(result.out, "Exit status:\n  0    success"));
  CHECK(result.err.empty());
}

TEST_CASE("a family without its command prints the family's help on stdout and exits 0", "[e2e][exit-status]") {
  EmulatorProcess emulator;
  TempDir home;
  for (const std::string family : {"schedule", "group"}) {
    INFO(family);
    const auto bare = run_process({cli_binary(), family}, client_env(emulator, home));
    const auto help = run_process({cli_binary(), family, "--help"}, client_env(emulator, home));
    CHECK(bare.exit_code == 0);
    CHECK(bare.err.empty());
    CHECK(has(bare.out, "Usage: iotc-jobs " + family + " "));
    CHECK(bare.out == help.out);
    // `help FAMILY` is the same help.
    CHECK(run_process({cli_binary(), "help", family}, client_env(emulator, home)).out == help.out);
  }
}
