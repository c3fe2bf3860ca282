// iotc-jobs stop: stop a running job; its pending devices stay pending until resume.

#include <CLI/CLI.hpp>
#include <memory>
#include <string>

#include "cli/commands.hpp"
#include "cli/context.hpp"
#include "cli/job_output.hpp"

namespace iotc::cli {
namespace stop_command {

constexpr const char* kHelp =
    R"(Stop a job. Devices not reached yet stay pending; resume continues them.

Examples:
  iotc-jobs stop job-006
  iotc-jobs stop job-006 -o json)";

struct StopOptions {
  std::string job_id;
  WaitFlags wait;
};

void run_stop(const StopOptions& options, Context& context) {
  check_wait_flags(options.wait);
  auto& client = context.client();
  client.stop_job(options.job_id);
  context.output().info("Stopped job " + options.job_id + ".");
  if (options.wait.wait) return wait_and_report(context, options.job_id, options.wait.interval);
  print_job(context, client.get_job(options.job_id).raw);
}

}  // namespace stop_command

void add_stop_command(CLI::App& app, Context& context) {
  auto options = std::make_shared<stop_command::StopOptions>();
  auto* command = app.add_subcommand("stop", stop_command::kHelp);
  command->add_option("JOB_ID", options->job_id, "The job")->required();
  add_wait_flags(*command, options->wait);
  command->callback([options, &context] { stop_command::run_stop(*options, context); });
}

}  // namespace iotc::cli
