// iotc-jobs schedule list | show | runs: reading scheduled jobs and the jobs they started.

#include <CLI/CLI.hpp>
#include <memory>
#include <set>
#include <thread>

#include "cli/catalogs.hpp"
#include "cli/commands.hpp"
#include "cli/context.hpp"
#include "cli/job_output.hpp"
#include "cli/schedule.hpp"
#include "cli/stdout_check.hpp"
#include "cli/stream_items.hpp"
#include "errors.hpp"

namespace iotc::cli {
namespace schedule_list_command {

constexpr const char* kListHelp = R"(Examples:
  iotc-jobs schedule list
  iotc-jobs schedule list -o json | jq -r '.[] | select(.enabled) | .id'
  iotc-jobs schedule list --columns id,schedule.start,schedule.recurrence -o tsv)";

constexpr const char* kShowHelp = R"(Examples:
  iotc-jobs schedule show nightly-reboot
  iotc-jobs schedule show nightly-reboot -o json > nightly.json   # a job file for create)";

constexpr const char* kRunsHelp = R"(Examples:
  iotc-jobs schedule runs nightly-reboot
  iotc-jobs schedule runs nightly-reboot --wait --interval 30s

The jobs a scheduled job started, newest first. --wait waits for its latest run while it runs,
else for its next run if it will run again, as wait does (exit 6 when the run ends with failed
or pending devices); exit 3 when there is no run to wait for (disabled or completed, none run).)";

// The ids of the jobs `schedule_id` has started, and the newest.
struct Runs {
  std::set<std::string> ids;
  std::optional<model::Json> latest;
};

Runs read_runs(api::ScheduleClient& schedules, const std::string& schedule_id) {
  Runs runs;
  auto pager = schedules.jobs(schedule_id);
  while (auto item = pager.next()) {
    if (!runs.latest) runs.latest = item->raw;
    runs.ids.insert(item->value.id.value_or(""));
  }
  return runs;
}

bool is_active(const model::Json& job) {
  const auto status = job.find("status");
  if (status == job.end() || !status->is_string()) return false;
  return !model::is_finished(model::parse_job_status(status->get<std::string>()));
}

// Waits for the run after those in `seen`: polls the schedule's jobs until a new one appears.
std::string wait_for_next_run(Context& context, api::ScheduleClient& schedules,
                              const std::string& schedule_id, const std::set<std::string>& seen,
                              const std::optional<std::string>& interval) {
  const WaitPlan plan = wait_plan(context, interval);
  const auto deadline = context.clock().now() + plan.timeout;
  context.output().info("Waiting for the next run of scheduled job " + schedule_id + "...");
  while (true) {
    check_interrupt(context.interrupt());
    const Runs runs = read_runs(schedules, schedule_id);
    for (const auto& id : runs.ids) {
      if (!seen.contains(id)) return id;
    }
    const auto scheduled = schedules.get(schedule_id).value;
    if (scheduled.completed.value_or(false) || !scheduled.enabled.value_or(false)) {
      throw NotFoundError("scheduled job " + schedule_id + " has no run to wait for: it is " +
                              (scheduled.completed.value_or(false) ? "completed" : "disabled"),
                          404);
    }
    if (context.clock().now() + plan.interval >= deadline) {
      throw WaitTimeoutError("no run of scheduled job " + schedule_id + " started before the " +
                             "timeout; it goes on");
    }
    context.clock().sleep_for(plan.interval);
  }
}

}  // namespace schedule_list_command

void run_schedule_list(const ScheduleListOptions& options, Context& context) {
  if (!options.all && options.limit < 1) throw UsageError("--limit must be 1 or more");
  auto schedules = schedule_client(context);
  auto& output = context.output();
  auto writer = output.list(schedule_catalog(), schedule_list_columns());
  auto pager = schedules.list();
  bool more = false;
  while (auto item = pager.next()) {
    check_interrupt(context.interrupt());
    if (!options.all && writer->count() >= static_cast<std::size_t>(options.limit)) {
      more = true;
      break;
    }
    writer->add(schedule_row(context, item->raw));
    check_written(output.out());
  }
  writer->finish();
  if (writer->count() == 0) output.info("No scheduled jobs found.");
  if (more) {
    output.info("Showing the first " + std::to_string(writer->count()) +
                " scheduled jobs; use --limit N or --all to see more.");
  }
}

void run_schedule_show(const ScheduleShowOptions& options, Context& context) {
  auto schedules = schedule_client(context);
  print_schedule(context, schedules.get(options.schedule_id).raw);
}

void run_schedule_runs(const ScheduleRunsOptions& options, Context& context) {
  namespace here = schedule_list_command;
  check_wait_flags(options.wait);
  auto schedules = schedule_client(context);
  if (!options.wait.wait) {
    auto& output = context.output();
    auto pager = schedules.jobs(options.schedule_id);
    auto writer = output.list(job_catalog(), job_list_columns());
    StreamRules<model::Job> rules;
    rules.out = &output.out();
    stream_items(pager, *writer, context.interrupt(), rules);
    writer->finish();
    if (writer->count() == 0) output.info("No runs yet.");
    return;
  }
  const auto scheduled = schedules.get(options.schedule_id).value;
  const here::Runs runs = here::read_runs(schedules, options.schedule_id);
  const bool will_run = scheduled.enabled.value_or(false) && !scheduled.completed.value_or(false);
  std::string job_id;
  if (runs.latest && (here::is_active(*runs.latest) || !will_run)) {
    job_id = (*runs.latest)["id"].get<std::string>();
  } else if (will_run) {
    job_id = here::wait_for_next_run(context, schedules, options.schedule_id, runs.ids,
                                     options.wait.interval);
  } else {
    throw NotFoundError("scheduled job " + options.schedule_id + " has no run to wait for: it is " +
                            (scheduled.completed.value_or(false) ? "completed" : "disabled") +
                            " and has not run",
                        404);
  }
  context.output().info("Waiting for job " + job_id + ", a run of scheduled job " +
                        options.schedule_id + ".");
  wait_and_report(context, job_id, options.wait.interval);
}

void add_schedule_list_command(CLI::App& command, Context& context) {
  add_help_details(command, schedule_list_command::kListHelp);
  auto options = std::make_shared<ScheduleListOptions>();
  auto* limit = command.add_option("-L,--limit", options->limit, "Show at most N")
                    ->default_val(options->limit);
  command.add_flag("-a,--all", options->all, "Show every scheduled job")->excludes(limit);
  command.callback([options, &context] { run_schedule_list(*options, context); });
}

void add_schedule_show_command(CLI::App& command, Context& context) {
  add_help_details(command, schedule_list_command::kShowHelp);
  auto options = std::make_shared<ScheduleShowOptions>();
  check_schedule_id(
      command.add_option("SCHEDULE_ID", options->schedule_id, "The scheduled job")->required());
  command.callback([options, &context] { run_schedule_show(*options, context); });
}

void add_schedule_runs_command(CLI::App& command, Context& context) {
  add_help_details(command, schedule_list_command::kRunsHelp);
  auto options = std::make_shared<ScheduleRunsOptions>();
  check_schedule_id(
      command.add_option("SCHEDULE_ID", options->schedule_id, "The scheduled job")->required());
  command.add_flag("-w,--wait", options->wait.wait,
                   "Wait for its latest run, or its next one; exit 6 if that run fails or "
                   "leaves devices failed or pending, 5 if --timeout passes first");
  check_interval(command.add_option("--interval", options->wait.interval,
                                    "With --wait: first poll interval (default 5s)"));
  command.callback([options, &context] { run_schedule_runs(*options, context); });
}

}  // namespace iotc::cli
