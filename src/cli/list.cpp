// iotc-jobs list: the jobs of the app, page after page.

#include "cli/list.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "cli/catalogs.hpp"
#include "cli/commands.hpp"
#include "cli/context.hpp"
#include "cli/group_names.hpp"
#include "cli/job_output.hpp"
#include "cli/schedule_common.hpp"
#include "cli/stream_items.hpp"
#include "errors.hpp"
#include "output/writers.hpp"

namespace iotc::cli {
namespace list_command {

constexpr const char* kHelp = R"(Examples:
  iotc-jobs list
  iotc-jobs list --status running --status pending
  iotc-jobs list --all -o jsonl | jq -r 'select(.progress.failed > 0) | .id'
  iotc-jobs list --columns id,status,progress.failed -o tsv
  iotc-jobs list --schedule nightly-reboot --columns id,displayName,status,scheduledJobId

Shows the first 30 jobs unless --limit or --all says otherwise.)";

bool wanted(const ListOptions& options, const model::Job& job) {
  if (options.schedule && job.scheduled_job_id != options.schedule) return false;
  if (options.statuses.empty()) return true;
  const std::string status = job.status_text.value_or("");
  return std::find(options.statuses.begin(), options.statuses.end(), status) !=
         options.statuses.end();
}

}  // namespace list_command

void run_list(const ListOptions& options, Context& context) {
  if (!options.all && options.limit < 1) throw UsageError("--limit must be 1 or more");
  auto& output = context.output();
  auto pager = context.client().list_jobs();
  const auto render = output.render_options(job_catalog(), job_list_columns());
  auto writer = iotc::output::make_list_writer(output.out(), render);
  StreamRules<model::Job> rules;
  if (!options.statuses.empty() || options.schedule) {
    rules.wanted = [&options](const model::Job& job) { return list_command::wanted(options, job); };
  }
  if (!options.all) rules.limit = static_cast<std::size_t>(options.limit);
  rules.out = &context.output().out();
  GroupNames names(context);
  if (names.wanted(render.columns)) {
    rules.shape = [&names](model::Json job) { return names.with_name(std::move(job)); };
    rules.shape_text = [&names](std::string_view job) { return names.with_name_text(job); };
  }
  const bool more = stream_items(pager, *writer, context.interrupt(), rules);
  writer->finish();
  const std::size_t shown = writer->count();
  if (shown == 0)
    output.info(options.schedule           ? "No jobs of that scheduled job."
                : options.statuses.empty() ? "No jobs found."
                                           : "No jobs with that status.");
  if (more) {
    output.info("Showing the first " + std::to_string(shown) +
                " jobs; use --limit N or --all to see more.");
  }
}

void add_list_command(CLI::App& command, Context& context) {
  add_help_details(command, list_command::kHelp);
  auto options = std::make_shared<ListOptions>();
  command.add_option("-s,--status", options->statuses, "Only jobs with this status (repeatable)")
      ->check(
          CLI::IsMember(std::vector<std::string>(std::begin(kJobStatuses), std::end(kJobStatuses))))
      ->allow_extra_args(false)
      ->delimiter(',');
  check_schedule_id(command.add_option("--schedule", options->schedule,
                                       "SCHEDULE_ID: only the jobs this scheduled job started"));
  auto* limit = command.add_option("-L,--limit", options->limit, "Show at most N jobs")
                    ->default_val(kDefaultListLimit);
  command.add_flag("-a,--all", options->all, "Show every job")->excludes(limit);
  command.callback([options, &context] { run_list(*options, context); });
}

}  // namespace iotc::cli
