#pragma once
// iotc-jobs rerun: a new job, on the devices where a job failed.

#include <optional>
#include <string>

#include "cli/wait_flags.hpp"

namespace CLI {
class App;
}

namespace iotc::cli {

class Context;

struct RerunOptions {
  std::string job_id;
  std::optional<std::string> rerun_id;  // none: <JOB_ID>-rerun-<yyyymmdd-hhmmss>
  bool yes = false;  // --yes: do not ask on a terminal
  WaitFlags wait;
};

void run_rerun(const RerunOptions& options, Context& context);
void add_rerun_command(CLI::App& command, Context& context);

}  // namespace iotc::cli
