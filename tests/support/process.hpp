#pragma once
// Runs a real binary as a child process, for end-to-end tests: argv, environment overrides,
// stdin, captured stdout and stderr, and a hard timeout.

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace iotc::testing {

struct ProcessResult {
  int exit_code;    // the exit status, or 128 + signal number when killed by a signal
  std::string out;  // everything written to stdout
  std::string err;  // everything written to stderr
  long peak_rss_kib = -1;  // the child's peak resident memory (getrusage's ru_maxrss)
};

// Runs argv[0] (looked up in PATH when it has no '/') with argv. The environment is the current
// one plus `env`: a value replaces a variable, std::nullopt removes it. `stdin_data` is fed to
// its stdin, which is then closed. After `timeout` it is killed (SIGKILL) and exit_code is 137.
ProcessResult run_process(const std::vector<std::string>& argv,
                          const std::map<std::string, std::optional<std::string>>& env = {},
                          const std::string& stdin_data = {},
                          std::chrono::milliseconds timeout = std::chrono::seconds(60));

// The environment of this process with `env` applied, as "NAME=value" strings.
std::vector<std::string> merged_environment(
    const std::map<std::string, std::optional<std::string>>& env);

std::string emulator_binary();  // the built iotc-jobs-emulator
std::string cli_binary();       // the built iotc-jobs
std::string spec_dir();         // IOTC_SPEC_DIR, else <repo>/../shared/api
std::string seed_dir();         // IOTC_SEED_DIR, else <repo>/../shared/seed

// The whole content of a file; throws std::runtime_error when it cannot be read.
std::string read_file(const std::string& path);

}  // namespace iotc::testing
