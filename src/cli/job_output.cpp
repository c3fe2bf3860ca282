#include "cli/job_output.hpp"

#include <CLI/CLI.hpp>

#include "cli/catalogs.hpp"
#include "cli/context.hpp"
#include "cli/group_names.hpp"
#include "cli/values.hpp"
#include "defaults.hpp"
#include "errors.hpp"
#include "model/validation.hpp"

namespace iotc::cli {

void print_job(Context& context, const model::Json& job) {
  auto& output = context.output();
  const bool table = output.settings().format == output::Format::table;
  GroupNames names(context);
  output.record(table ? names.with_name(job) : job, job_catalog(),
                table ? job_detail_columns() : job_list_columns());
}

CLI::Option* check_job_id(CLI::Option* option) {
  // No description: the help keeps showing JOB_ID TEXT.
  return option->check(CLI::Validator(
      [](const std::string& id) -> std::string {
        if (model::is_valid_job_id(id)) return {};
        return "'" + id + "' is not a job id (" + model::kJobIdRule + ")";
      },
      ""));
}

CLI::Option* check_interval(CLI::Option* option) {
  return option->check(CLI::Validator(
      [](const std::string& text) -> std::string {
        try {
          parse_duration_flag("--interval", text);
          return {};
        } catch (const UsageError& error) {
          // CLI11 puts the option's name in front again.
          std::string message = error.what();
          if (message.starts_with("--interval: ")) message.erase(0, 12);
          return message;
        }
      },
      ""));
}

void add_wait_flags(CLI::App& command, WaitFlags& flags) {
  command.add_flag("-w,--wait", flags.wait,
                   "Wait until the job finishes; exit 6 if it fails, is cancelled or stopped, or "
                   "any device fails or stays pending, 5 if --timeout passes first");
  check_interval(command.add_option(
      "--interval", flags.interval,
      "With --wait: first poll interval (default 5s; grows while nothing changes)"));
}

void check_wait_flags(const WaitFlags& flags) {
  if (flags.interval && !flags.wait) throw UsageError("--interval needs --wait");
}

WaitPlan wait_plan(Context& context, const std::optional<std::string>& interval) {
  WaitPlan plan{defaults::kWaitTimeout, defaults::kPollInterval};
  if (const auto& timeout = context.settings().timeout) plan.timeout = *timeout;
  if (interval) plan.interval = parse_duration_flag("--interval", *interval);
  // For tests, which cannot sleep a minute to see a heartbeat (docs/guide.md).
  const auto& env = context.environment();
  if (const auto heartbeat = env.find("IOTC_HEARTBEAT_INTERVAL");
      heartbeat != env.end() && !heartbeat->second.empty()) {
    plan.heartbeat = parse_duration_flag("IOTC_HEARTBEAT_INTERVAL", heartbeat->second);
  }
  return plan;
}

void wait_and_report(Context& context, std::string_view job_id,
                     const std::optional<std::string>& interval, WaitGoal goal) {
  const WaitPlan plan = wait_plan(context, interval);
  auto& client = context.client();
  auto display = context.output().progress();
  WaitResult result;
  try {
    result = wait_for_job(client, job_id, plan, display.get(), context.clock(), context.interrupt());
  } catch (...) {
    // Ctrl-C ends the wait, not the job: say how to take the wait up again.
    if (!context.interrupt().raised()) throw;
    if (display) display->finish();
    throw InterruptedError("interrupted; job " + std::string(job_id) +
                           " goes on at the service (wait again with: iotc-jobs wait " +
                           std::string(job_id) + ")");
  }
  print_job(context, result.job);
  check_outcome(result, goal);
}

}  // namespace iotc::cli
