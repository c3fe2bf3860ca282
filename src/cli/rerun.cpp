// iotc-jobs rerun: a new job, on the devices where a job failed.

#include "cli/rerun.hpp"

#include <CLI/CLI.hpp>
#include <memory>
#include <optional>
#include <string>

#include "cli/commands.hpp"
#include "cli/confirm.hpp"
#include "cli/context.hpp"
#include "cli/ids.hpp"
#include "cli/job_guards.hpp"
#include "cli/job_output.hpp"
#include "errors.hpp"
#include "model/validation.hpp"

namespace iotc::cli {
namespace rerun_command {

constexpr const char* kHelp = R"(Examples:
  iotc-jobs rerun job-006
  iotc-jobs rerun job-006 job-006-retry --wait
  iotc-jobs rerun job-006 -o json | jq -r .id

Without RERUN_ID the new job is named <JOB_ID>-rerun-<yyyymmdd-hhmmss> (UTC).)";

}  // namespace rerun_command

void run_rerun(const RerunOptions& options, Context& context) {
  check_wait_flags(options.wait);
  const std::string rerun_id =
      options.rerun_id.value_or(generate_rerun_id(options.job_id, context.wall_now()));
  if (!model::is_valid_job_id(rerun_id)) {
    throw UsageError("RERUN_ID '" + rerun_id + "': " + model::kJobIdRule);
  }
  auto& client = context.client();
  check_rerunnable(client, options.job_id);
  if (options.rerun_id) refuse_existing_job(client, rerun_id);  // a generated id is new
  confirm(context,
          "Rerun job " + options.job_id + " on its failed devices, as job " + rerun_id + "?",
          options.yes);
  const auto rerun = client.rerun_job(options.job_id, rerun_id);
  context.output().info("Created job " + rerun_id + ", rerunning " + options.job_id +
                        " on its failed devices.");
  if (options.wait.wait) return wait_and_report(context, rerun_id, options.wait.interval);
  print_job(context, rerun.raw);
}

void add_rerun_command(CLI::App& command, Context& context) {
  add_help_details(command, rerun_command::kHelp);
  auto options = std::make_shared<RerunOptions>();
  command.add_option("JOB_ID", options->job_id, "The job to rerun")->required();
  command.add_option("RERUN_ID", options->rerun_id, "The id of the new job");
  add_yes_flag(command, options->yes);
  add_wait_flags(command, options->wait);
  command.callback([options, &context] { run_rerun(*options, context); });
}

}  // namespace iotc::cli
