#pragma once
// What the job commands share: printing a job, and waiting for one (--wait).

#include <optional>
#include <string>
#include <string_view>

#include "cli/context.hpp"
#include "cli/wait_flags.hpp"
#include "cli/waiter.hpp"

namespace CLI {
class App;
class Option;
}  // namespace CLI

namespace iotc::cli {

// The job statuses and device statuses --status accepts.
inline constexpr std::string_view kJobStatuses[] = {"pending", "running",   "complete",
                                                    "failed",  "cancelled", "stopped"};
inline constexpr std::string_view kDeviceStatuses[] = {"pending", "completed", "failed"};

// One job on stdout: every field, one per line, in a table; the list's columns in tsv/csv; the
// service's JSON in json/jsonl.
void print_job(Context& context, const model::Json& job);

// --wait and --interval, for create, stop, resume and rerun.
void add_wait_flags(CLI::App& command, WaitFlags& flags);

// Without --wait an --interval would be ignored in silence, and the request sent anyway: a usage
// error, thrown before anything is sent.
void check_wait_flags(const WaitFlags& flags);

// Checks a JOB_ID or RERUN_ID argument (every command's, from app.cpp) while the line is parsed: a
// bad id is a usage error (exit 2) before anything is sent, not a 404 from the service.
CLI::Option* check_job_id(CLI::Option* option);
// Checks an --interval value while the line is parsed, before anything is sent.
CLI::Option* check_interval(CLI::Option* option);

// The plan of a wait: the global --timeout (else defaults::kWaitTimeout) and the interval.
WaitPlan wait_plan(Context& context, const std::optional<std::string>& interval);

// Waits for `job_id` with progress on stderr, prints the job it ended as, and throws
// JobFailedError when it ended other than `goal` asked (exit 6).
void wait_and_report(Context& context, std::string_view job_id,
                     const std::optional<std::string>& interval,
                     WaitGoal goal = WaitGoal::complete);

}  // namespace iotc::cli
