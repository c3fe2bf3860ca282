#include "cli/job_output.hpp"

#include <CLI/CLI.hpp>

#include "cli/catalogs.hpp"
#include "cli/values.hpp"
#include "defaults.hpp"

namespace iotc::cli {

void print_job(Context& context, const model::Json& job) {
  auto& output = context.output();
  const bool table = output.settings().format == output::Format::table;
  output.record(job, job_catalog(), table ? job_detail_columns() : job_list_columns());
}

void add_wait_flags(CLI::App& command, WaitFlags& flags) {
  command.add_flag("-w,--wait", flags.wait,
                   "Wait until the job finishes; exit 6 if it fails, is cancelled or stopped, or "
                   "any device fails, 5 if --timeout passes first");
  command.add_option("--interval", flags.interval,
                     "With --wait: first poll interval (default 5s; grows while nothing changes)");
}

WaitPlan wait_plan(Context& context, const std::optional<std::string>& interval) {
  WaitPlan plan{defaults::kWaitTimeout, defaults::kPollInterval};
  if (const auto& timeout = context.settings().timeout) plan.timeout = *timeout;
  if (interval) plan.interval = parse_duration_flag("--interval", *interval);
  return plan;
}

void wait_and_report(Context& context, std::string_view job_id,
                     const std::optional<std::string>& interval) {
  const WaitPlan plan = wait_plan(context, interval);
  auto& client = context.client(/*for_wait=*/true);
  auto display = context.output().progress();
  const WaitResult result =
      wait_for_job(client, job_id, plan, display.get(), context.clock(), context.interrupt());
  print_job(context, result.job);
  check_outcome(result);
}

}  // namespace iotc::cli
