// iotc-jobs show: one job.

#include <CLI/CLI.hpp>
#include <memory>
#include <string>

#include "cli/commands.hpp"
#include "cli/context.hpp"
#include "cli/job_output.hpp"

namespace iotc::cli {
namespace show_command {

constexpr const char* kHelp = R"(Show a job: its data, batches, status and progress.

Examples:
  iotc-jobs show job-006
  iotc-jobs show job-006 -o json
  iotc-jobs show job-006 --columns status,progress.failed -o tsv)";

struct ShowOptions {
  std::string job_id;
};

void run_show(const ShowOptions& options, Context& context) {
  print_job(context, context.client().get_job(options.job_id).raw);
}

}  // namespace show_command

void add_show_command(CLI::App& app, Context& context) {
  auto options = std::make_shared<show_command::ShowOptions>();
  auto* command = app.add_subcommand("show", show_command::kHelp);
  command->add_option("JOB_ID", options->job_id, "The job")->required();
  command->callback([options, &context] { show_command::run_show(*options, context); });
}

}  // namespace iotc::cli
