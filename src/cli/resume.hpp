#pragma once
// iotc-jobs resume: continue a stopped job on its pending devices.

#include <string>

#include "cli/wait_flags.hpp"

namespace CLI {
class App;
}

namespace iotc::cli {

class Context;

struct ResumeOptions {
  std::string job_id;
  bool yes = false;  // --yes: do not ask on a terminal
  WaitFlags wait;
};

void run_resume(const ResumeOptions& options, Context& context);
void add_resume_command(CLI::App& command, Context& context);

}  // namespace iotc::cli
