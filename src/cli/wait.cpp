// iotc-jobs wait: block until a job finishes; the exit code says how it went.

#include <CLI/CLI.hpp>
#include <memory>
#include <optional>
#include <string>

#include "cli/commands.hpp"
#include "cli/context.hpp"
#include "cli/job_output.hpp"

namespace iotc::cli {
namespace wait_command {

constexpr const char* kHelp = R"(Wait for a job to finish, showing its progress on stderr.

Examples:
  iotc-jobs wait job-006
  iotc-jobs wait job-006 --timeout 10m --interval 2s
  iotc-jobs wait job-006 -q && echo "all devices updated"

Exit status: 0 when the job completed on every device; 6 when it failed, was cancelled or
stopped, or any device failed; 5 when --timeout (default 30m) passed first. The job goes on at
the service either way, and after Ctrl-C (130).)";

struct WaitOptions {
  std::string job_id;
  std::optional<std::string> interval;
};

void run_wait(const WaitOptions& options, Context& context) {
  wait_and_report(context, options.job_id, options.interval);
}

}  // namespace wait_command

void add_wait_command(CLI::App& app, Context& context) {
  auto options = std::make_shared<wait_command::WaitOptions>();
  auto* command = app.add_subcommand("wait", wait_command::kHelp);
  command->add_option("JOB_ID", options->job_id, "The job")->required();
  check_interval(
      command->add_option("--interval", options->interval,
                          "First poll interval (default 5s; grows while nothing changes)"));
  command->callback([options, &context] { wait_command::run_wait(*options, context); });
}

}  // namespace iotc::cli
