#pragma once
// What the `schedule` commands share: the api-version check, the client, the schedule's flags
// (--start, --every, --until, --occurrences) read into the JSON they send, the schedule in
// words, and printing.

#include <optional>
#include <string>
#include <string_view>

#include "api/schedule_client.hpp"
#include "cli/context.hpp"
#include "model/scheduled_job.hpp"

namespace CLI {
class App;
class Option;
}  // namespace CLI

namespace iotc::cli {

// The client of /scheduledJobs. Throws UsageError (exit 2, nothing sent) in api-version
// preview, which has no scheduled jobs.
api::ScheduleClient schedule_client(Context& context);

// Checks a SCHEDULE_ID argument while the line is parsed (the job id's rule).
CLI::Option* check_schedule_id(CLI::Option* option);

// The schedule's flags, as typed.
struct ScheduleFlags {
  std::optional<std::string> start;        // RFC 3339 with Z or an offset, or now[+DURATION]
  std::optional<std::string> every;        // daily, weekly, monthly (update: also once)
  std::optional<std::string> until;        // YYYY-MM-DD
  std::optional<std::string> occurrences;  // 1..999
};

// Adds --start, --every, --until and --occurrences. `update` also takes --every once.
void add_schedule_flags(CLI::App& command, ScheduleFlags& flags, bool update);

// Checks the flags' text (exit 2, naming the flag, before anything is sent).
void check_schedule_flags(const ScheduleFlags& flags);

// The "schedule" members the flags name, as a merge patch would send them (an end by date
// removes an end by occurrences and the other way round; --every once removes the recurrence).
// `now` (the service's clock) resolves --start now+DURATION. Shown and sent in UTC.
model::Json schedule_members(const ScheduleFlags& flags, std::chrono::system_clock::time_point now);

// "daily at 02:00 UTC, next 2026-12-06 02:00, 3 of 10 runs done": when it runs, its next
// occurrence at `now` (or "disabled", "completed"), and how many occurrences have passed.
std::string schedule_in_words(const model::ScheduledJob& scheduled,
                              std::chrono::system_clock::time_point now);

// One scheduled job on stdout: every field in a table (its schedule in words), the list's
// columns in tsv/csv, the service's JSON in json/jsonl.
void print_schedule(Context& context, const model::Json& raw);

// The row a table shows for `raw`: the service's JSON, plus its schedule in words ("when") for
// the formats that are read by people.
model::Json schedule_row(Context& context, const model::Json& raw);

}  // namespace iotc::cli
