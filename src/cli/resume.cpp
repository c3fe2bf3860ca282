// iotc-jobs resume: continue a stopped job on its pending devices.

#include <CLI/CLI.hpp>
#include <memory>
#include <string>

#include "cli/commands.hpp"
#include "cli/context.hpp"
#include "cli/job_output.hpp"

namespace iotc::cli {
namespace resume_command {

constexpr const char* kHelp = R"(Resume a stopped job on the devices it had not reached.

Examples:
  iotc-jobs resume job-006
  iotc-jobs resume job-006 --wait)";

struct ResumeOptions {
  std::string job_id;
  WaitFlags wait;
};

void run_resume(const ResumeOptions& options, Context& context) {
  check_wait_flags(options.wait);
  auto& client = context.client();
  client.resume_job(options.job_id);
  context.output().info("Resumed job " + options.job_id + ".");
  if (options.wait.wait) return wait_and_report(context, options.job_id, options.wait.interval);
  print_job(context, client.get_job(options.job_id).raw);
}

}  // namespace resume_command

void add_resume_command(CLI::App& app, Context& context) {
  auto options = std::make_shared<resume_command::ResumeOptions>();
  auto* command = app.add_subcommand("resume", resume_command::kHelp);
  command->add_option("JOB_ID", options->job_id, "The job")->required();
  add_wait_flags(*command, options->wait);
  command->callback([options, &context] { resume_command::run_resume(*options, context); });
}

}  // namespace iotc::cli
