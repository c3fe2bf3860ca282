// iotc-jobs stop: stop a running job; its pending devices stay pending until resume.

#include "cli/stop.hpp"

#include <CLI/CLI.hpp>
#include <memory>
#include <string>

#include "cli/commands.hpp"
#include "cli/context.hpp"
#include "cli/job_guards.hpp"
#include "cli/job_output.hpp"

namespace iotc::cli {
namespace stop_command {

constexpr const char* kHelp =
    R"(Examples:
  iotc-jobs stop job-006
  iotc-jobs stop job-006 -o json)";

}  // namespace stop_command

void run_stop(const StopOptions& options, Context& context) {
  check_wait_flags(options.wait);
  auto& client = context.client();
  if (const auto stopped = already_stopped(client, options.job_id)) {
    context.output().info("Job " + options.job_id + " is already stopped; nothing changed.");
    return print_job(context, *stopped);
  }
  client.stop_job(options.job_id);
  context.output().info("Stopped job " + options.job_id + ".");
  // Stopping was asked: a job that ends stopped is success here.
  if (options.wait.wait) {
    return wait_and_report(context, options.job_id, options.wait.interval, WaitGoal::stopped);
  }
  print_job(context, client.get_job(options.job_id).raw);
}

void add_stop_command(CLI::App& command, Context& context) {
  add_help_details(command, stop_command::kHelp);
  auto options = std::make_shared<StopOptions>();
  command.add_option("JOB_ID", options->job_id, "The job")->required();
  add_wait_flags(command, options->wait);
  command.callback([options, &context] { run_stop(*options, context); });
}

}  // namespace iotc::cli
