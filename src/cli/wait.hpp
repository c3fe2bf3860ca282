#pragma once
// iotc-jobs wait: block until a job finishes; the exit code says how it went.

#include <optional>
#include <string>

namespace CLI {
class App;
}

namespace iotc::cli {

class Context;

struct WaitOptions {
  std::string job_id;
  std::optional<std::string> interval;  // as typed
};

void run_wait(const WaitOptions& options, Context& context);
void add_wait_command(CLI::App& command, Context& context);

}  // namespace iotc::cli
