#pragma once
// The typed scheduled job (/scheduledJobs, api-versions 2022-07-31 and 2022-10-31-preview): the
// members of a Job plus when it runs (docs/design.md §1; the official specs are the truth).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "model/api_version.hpp"
#include "model/job.hpp"
#include "model/problem.hpp"

namespace iotc::model {

// JobSchedule.recurrence; absent: the job runs once, at the start.
enum class Recurrence { daily, weekly, monthly, unknown };
Recurrence parse_recurrence(std::string_view text);
std::string_view to_string(Recurrence recurrence);

// JobScheduleEnd: {"type": "date", "date": "2026-12-31"} or {"type": "occurrences",
// "occurrences": 10}.
struct ScheduleEnd {
  std::optional<std::string> type;
  std::optional<std::string> date;
  std::optional<std::int64_t> occurrences;
  Json extra = Json::object();
};

struct Schedule {
  std::optional<std::string> start;       // RFC 3339 date-time, required
  std::optional<std::string> recurrence;  // as read; "daily", "weekly", "monthly"
  std::optional<ScheduleEnd> end;
  Json extra = Json::object();
};

struct ScheduledJob {
  Job job;  // id, displayName, description, group, batch, cancellationThreshold, data,
            // organizations
  std::optional<Schedule> schedule;
  std::optional<bool> enabled;
  std::optional<bool> completed;  // read-only
  std::optional<std::string> etag;
};

// Scheduled jobs exist in the 2022 api-versions only.
bool has_scheduled_jobs(ApiVersion version);
// PATCH /scheduledJobs/{id} takes If-Match in 2022-10-31-preview only.
bool has_if_match(ApiVersion version);

// Reads either spelling of the data types; wrong JSON types are problems with their path.
ScheduledJob scheduled_job_from_json(const Json& json, Problems& problems);
// The whole scheduled job, read-only members included, in the spelling of `version`.
Json to_json(const ScheduledJob& scheduled, ApiVersion version);
// The body of PUT /scheduledJobs/{id}: without id, completed and etag.
Json to_create_body(const ScheduledJob& scheduled, ApiVersion version);

// A scheduled job id follows the job id's rule (the spec's ScheduledJobId parameter).
inline constexpr const char* kScheduleIdRule = "1 to 255 letters, digits, '-' or '_'";

}  // namespace iotc::model
