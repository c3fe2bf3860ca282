#pragma once
// Runs the real iotc-jobs against a real emulator, with a clean environment: no profile, no
// inherited IOTC_* settings, terminal mode chosen by the test.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "emulator.hpp"
#include "emulator_fixtures.hpp"
#include "model/job.hpp"
#include "process.hpp"

namespace iotc::testing {

using Env = std::map<std::string, std::optional<std::string>>;

class Cli {
 public:
  explicit Cli(const EmulatorProcess& emulator);

  // iotc-jobs <args> with the emulator's URL and token, as if stdout and stderr were not
  // terminals (IOTC_FORCE_TTY=0).
  ProcessResult run(const std::vector<std::string>& args, const Env& env = {},
                    const std::string& stdin_data = {}) const;
  // The same as on a terminal 100 columns wide (IOTC_FORCE_TTY=1, COLUMNS=100).
  ProcessResult run_tty(const std::vector<std::string>& args, const Env& env = {}) const;

  // Runs and parses stdout as JSON; fails the test when the exit code is not 0.
  model::Json json(std::vector<std::string> args) const;

  // Waits (by polling the emulator directly) until `job_id` leaves pending and running.
  void settle(const std::string& job_id) const;

  const EmulatorProcess& emulator() const { return emulator_; }
  const TempDir& home() const { return home_; }

 private:
  const EmulatorProcess& emulator_;
  TempDir home_;
};

// Lines of `text`, without their '\n'.
std::vector<std::string> lines_of(const std::string& text);

// The commands `help` (the stdout of iotc-jobs --help) lists, in its order: tests take the list
// from the program instead of keeping a copy.
std::vector<std::string> command_names(const std::string& help);

// Whether `part` occurs in `text` (a command's stdout or stderr).
inline bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace iotc::testing
