#pragma once
// iotc-jobs show: one job.

#include <string>

namespace CLI {
class App;
}

namespace iotc::cli {

class Context;

struct ShowOptions {
  std::string job_id;
};

void run_show(const ShowOptions& options, Context& context);
void add_show_command(CLI::App& command, Context& context);

}  // namespace iotc::cli
