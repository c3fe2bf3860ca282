#pragma once
// iotc-jobs devices: the devices of a job and how each fared.

#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace iotc::cli {

class Context;

struct DevicesOptions {
  std::string job_id;
  std::vector<std::string> statuses;  // empty: every status
  bool summary = false;
};

void run_devices(const DevicesOptions& options, Context& context);
void add_devices_command(CLI::App& command, Context& context);

}  // namespace iotc::cli
