// iotc-jobs wait: block until a job finishes; the exit code says how it went.

#include "cli/wait.hpp"

#include <CLI/CLI.hpp>
#include <memory>
#include <optional>
#include <string>

#include "cli/commands.hpp"
#include "cli/context.hpp"
#include "cli/job_output.hpp"

namespace iotc::cli {
namespace wait_command {

constexpr const char* kHelp = R"(Examples:
  iotc-jobs wait job-006
  iotc-jobs wait job-006 --timeout 10m --interval 2s
  iotc-jobs wait job-006 -q && echo "every device updated"

Exit status: 0 when the job completed on every device; 6 when it failed, was cancelled or
stopped, or any device failed or is still pending (offline); 5 when --timeout (default 30m)
passed first. Once the job has been seen, throttling, 5xx answers and network failures do not
end the wait: polls go on until then; 4 (token refused) and 3 (job gone) end it at once. Off a
terminal a line comes at least once a minute. The job goes on at the service either way, and
after Ctrl-C (130), which prints how to wait again.)";

}  // namespace wait_command

void run_wait(const WaitOptions& options, Context& context) {
  wait_and_report(context, options.job_id, options.interval);
}

void add_wait_command(CLI::App& command, Context& context) {
  add_help_details(command, wait_command::kHelp);
  auto options = std::make_shared<WaitOptions>();
  command.add_option("JOB_ID", options->job_id, "The job")->required();
  check_interval(
      command.add_option("--interval", options->interval,
                         "First poll interval (default 5s; grows while nothing changes)"));
  command.callback([options, &context] { run_wait(*options, context); });
}

}  // namespace iotc::cli
