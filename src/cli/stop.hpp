#pragma once
// iotc-jobs stop: stop a running job; its pending devices stay pending until resume.

#include <string>

#include "cli/wait_flags.hpp"

namespace CLI {
class App;
}

namespace iotc::cli {

class Context;

struct StopOptions {
  std::string job_id;
  WaitFlags wait;
};

void run_stop(const StopOptions& options, Context& context);
void add_stop_command(CLI::App& command, Context& context);

}  // namespace iotc::cli
