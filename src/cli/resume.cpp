// iotc-jobs resume: continue a stopped job on its pending devices.

#include "cli/resume.hpp"

#include <CLI/CLI.hpp>
#include <memory>
#include <string>

#include "cli/commands.hpp"
#include "cli/confirm.hpp"
#include "cli/context.hpp"
#include "cli/job_guards.hpp"
#include "cli/job_output.hpp"

namespace iotc::cli {
namespace resume_command {

constexpr const char* kHelp = R"(Examples:
  iotc-jobs resume job-006
  iotc-jobs resume job-006 --wait)";

}  // namespace resume_command

void run_resume(const ResumeOptions& options, Context& context) {
  check_wait_flags(options.wait);
  auto& client = context.client();
  if (const auto running = already_running(client, options.job_id)) {
    context.output().info("Job " + options.job_id + " is already " +
                          running->value("status", std::string("running")) + "; nothing changed.");
    if (options.wait.wait) return wait_and_report(context, options.job_id, options.wait.interval);
    return print_job(context, *running);
  }
  confirm(context, "Resume job " + options.job_id + " on its pending devices?", options.yes);
  client.resume_job(options.job_id);
  context.output().info("Resumed job " + options.job_id + ".");
  if (options.wait.wait) return wait_and_report(context, options.job_id, options.wait.interval);
  print_job(context, client.get_job(options.job_id).raw);
}

void add_resume_command(CLI::App& command, Context& context) {
  add_help_details(command, resume_command::kHelp);
  auto options = std::make_shared<ResumeOptions>();
  command.add_option("JOB_ID", options->job_id, "The job")->required();
  add_yes_flag(command, options->yes);
  add_wait_flags(command, options->wait);
  command.callback([options, &context] { run_resume(*options, context); });
}

}  // namespace iotc::cli
