// iotc-jobs show: one job.

#include "cli/show.hpp"

#include <CLI/CLI.hpp>
#include <memory>
#include <string>

#include "cli/commands.hpp"
#include "cli/context.hpp"
#include "cli/job_output.hpp"

namespace iotc::cli {
namespace show_command {

constexpr const char* kHelp = R"(Examples:
  iotc-jobs show job-006
  iotc-jobs show job-006 -o json
  iotc-jobs show job-006 --columns status,progress.failed -o tsv)";

}  // namespace show_command

void run_show(const ShowOptions& options, Context& context) {
  print_job(context, context.client().get_job(options.job_id).raw);
}

void add_show_command(CLI::App& command, Context& context) {
  add_help_details(command, show_command::kHelp);
  auto options = std::make_shared<ShowOptions>();
  command.add_option("JOB_ID", options->job_id, "The job")->required();
  command.callback([options, &context] { run_show(*options, context); });
}

}  // namespace iotc::cli
