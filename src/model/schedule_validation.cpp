#include "model/schedule_validation.hpp"

#include "model/job_json.hpp"
#include "model/json_reader.hpp"
#include "model/time_point.hpp"
#include "model/validation.hpp"

namespace iotc::model {
namespace {

constexpr std::int64_t kMaxOccurrences = 999;  // the spec's maximum

void check_end(const ScheduleEnd& end, const std::optional<SystemTime>& start, Problems& problems) {
  if (!end.type) {
    problems.push_back({"schedule.end.type", "required (\"date\" or \"occurrences\")"});
  } else if (*end.type == "date") {
    if (!end.date) {
      problems.push_back({"schedule.end.date", "required for an end of type date"});
    } else if (const auto date = read_date(*end.date); !date) {
      problems.push_back(
          {"schedule.end.date", "must be a date such as 2026-12-31 (years " + years_text() + ")"});
    } else if (start && *date < std::chrono::floor<std::chrono::days>(*start)) {
      problems.push_back({"schedule.end.date", "is before the start (" + format_utc(*start) + ")"});
    }
  } else if (*end.type == "occurrences") {
    if (!end.occurrences) {
      problems.push_back({"schedule.end.occurrences", "required for an end of type occurrences"});
    } else if (*end.occurrences < 1 || *end.occurrences > kMaxOccurrences) {
      problems.push_back({"schedule.end.occurrences", "must be from 1 to 999"});
    }
  } else {
    problems.push_back({"schedule.end.type", "must be \"date\" or \"occurrences\""});
  }
}

}  // namespace

Problems validate_schedule(const Schedule& schedule) {
  Problems problems;
  std::optional<SystemTime> start;
  if (!schedule.start) {
    problems.push_back({"schedule.start", "required"});
  } else {
    const ParsedTime parsed = read_rfc3339(*schedule.start);
    start = parsed.time;
    if (parsed.missing_zone) {
      problems.push_back(
          {"schedule.start", "'" + *schedule.start + "' has no zone: add Z or an offset (+01:00)"});
    } else if (parsed.out_of_range) {
      problems.push_back({"schedule.start", "must be in the years " + years_text()});
    } else if (!start) {
      problems.push_back({"schedule.start",
                          "must be an RFC 3339 date-time such as "
                          "2026-12-06T02:00:00Z"});
    }
  }
  if (schedule.recurrence && parse_recurrence(*schedule.recurrence) == Recurrence::unknown) {
    problems.push_back({"schedule.recurrence", "must be daily, weekly or monthly (absent: once)"});
  }
  if (schedule.end) check_end(*schedule.end, start, problems);
  return problems;
}

Problems mixed_data_types(const Job& job) {
  for (std::size_t i = 1; i < job.data.size(); ++i) {
    const JobData& first = job.data.front();
    const JobData& item = job.data[i];
    if (first.type == JobDataType::unknown || item.type == JobDataType::unknown) continue;
    if (item.type != first.type) {
      return {{"data", "all items must be of one type in a scheduled job (data[0] is " +
                           first.type_name + ", " + index_path("data", i) + " is " +
                           item.type_name + ")"}};
    }
  }
  return {};
}

Problems validate(const ScheduledJob& scheduled, ApiVersion version) {
  if (!has_scheduled_jobs(version)) {
    return {{"", "scheduled jobs are not available in api-version " +
                     std::string(to_string(version)) + " (use 2022-07-31 or later)"}};
  }
  Problems problems = validate(scheduled.job, version);
  for (auto& problem : mixed_data_types(scheduled.job)) problems.push_back(std::move(problem));
  if (!scheduled.schedule) {
    problems.push_back({"schedule", "required"});
  } else {
    for (auto& problem : validate_schedule(*scheduled.schedule)) {
      problems.push_back(std::move(problem));
    }
  }
  return problems;
}

Problems check_scheduled_job_payload(const Json& payload, ApiVersion version, ScheduledJob* out) {
  Problems problems = encoding_problems(payload);
  if (!problems.empty()) return problems;
  ScheduledJob scheduled = scheduled_job_from_json(payload, problems);
  if (!payload.is_object()) return problems;
  add_uncovered(problems, validate(scheduled, version));
  if (out != nullptr) *out = std::move(scheduled);
  return problems;
}

}  // namespace iotc::model
