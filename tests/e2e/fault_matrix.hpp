#pragma once
// The machinery of the fault matrix (fault_matrix_test.cpp): the commands and the call each
// makes, a fault set on that call, one row run against a shared emulator, and what a recovered
// or a cleanly failed command looks like.

#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include "fixtures.hpp"

namespace iotc::testing::faults {

using Clock = std::chrono::steady_clock;
using model::Json;

// The call of a command that the fault hits.
struct Call {
  std::string method;
  std::string path;
};

// One command of the matrix, on the ids of one row.
struct Command {
  std::string name;
  // Puts the service in the state the command needs (a job to show, stop, rerun, ...).
  std::function<void(const EmulatorProcess&, const std::string& id)> prepare;
  std::function<std::vector<std::string>(const std::string& id)> argv;
  std::function<Call(const std::string& id)> call;
  // Checks stdout (-o json) of a run that succeeded.
  std::function<void(const Json& out, const std::string& id)> check;
};

// list, show, devices, create, stop, resume, rerun and wait, in that order.
std::vector<Command> commands();

struct Fault {
  std::string kind;
  int count = 1;
  int retry_after = 0;  // seconds, for kind 429
  int delay_ms = 0;     // for kind slow
};

struct Observed {
  std::string id;  // the row's job id
  ProcessResult result;
  std::vector<Json> attempts;  // the request log's entries of the faulted call, oldest first
  Clock::duration took;
  int faulted = 0;  // how many of them the fault hit
};

// One row: fresh ids, the command's state prepared, the fault set on its call, the command
// run with `flags`, and the attempts of that call read back from the request log.
class Matrix {
 public:
  Matrix();

  Observed run(const Command& command, const Fault& fault, const std::vector<std::string>& flags);

  // Ends the emulator at once, without waiting for the slow answers still being held.
  void kill() { emulator_.kill9(); }

 private:
  EmulatorProcess emulator_;
  Cli cli_;
  int rows_ = 0;
};

// "show with 1 x 503: exit 0, 2 attempts", then stdout and stderr: for INFO.
std::string describe(const Command& command, const Fault& fault, const Observed& observed);
// A transient fault: the command retries, succeeds, and the log shows exactly the faulted
// attempts plus the one that worked.
void expect_recovered(const Command& command, const Fault& fault, const Observed& observed);
// What a clean failure looks like: one line on stderr, naming what went wrong (`names`), no
// token, no JSON dump, nothing on stdout.
void expect_clean_error(const Observed& observed, const std::string& names);

}  // namespace iotc::testing::faults
