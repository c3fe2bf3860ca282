// Scheduled jobs: reading and writing in both 2022 spellings, every validation problem at once,
// and when the occurrences of a schedule fall.

#include <catch2/catch.hpp>
#include <string>

#include "model/schedule_times.hpp"
#include "model/schedule_validation.hpp"
#include "model/time_point.hpp"
#include "model/validation.hpp"

namespace iotc::testing {
namespace {

using model::ApiVersion;
using model::Json;
using model::Problems;

Json valid_schedule() {
  return Json::parse(R"({
    "displayName": "Nightly reboot",
    "group": "833d7a7d-8f99-4e04-9e56-745806bdba6e",
    "data": [{"type": "command", "target": "dtmi:a:b;1", "path": "reboot", "value": null}],
    "schedule": {"start": "2026-12-06T02:00:00Z", "recurrence": "daily",
                 "end": {"type": "occurrences", "occurrences": 3}},
    "enabled": true
  })");
}

std::string paths(const Problems& problems) {
  std::string text;
  for (const auto& problem : problems) text += problem.to_string() + "\n";
  return text;
}

bool has_path(const Problems& problems, const std::string& path) {
  for (const auto& problem : problems) {
    if (problem.path == path) return true;
  }
  return false;
}

TEST_CASE("a valid scheduled job has no problems in both 2022 versions", "[model][schedule]") {
  for (auto version : {ApiVersion::v2022_07_31, ApiVersion::v2022_10_31_preview}) {
    INFO(model::to_string(version));
    CHECK(paths(model::check_scheduled_job_payload(valid_schedule(), version)).empty());
  }
}

TEST_CASE("scheduled jobs do not exist in api-version preview", "[model][schedule]") {
  const auto problems = model::check_scheduled_job_payload(valid_schedule(), ApiVersion::preview);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].message.find("not available in api-version preview") != std::string::npos);
}

TEST_CASE("the data types are written in the spelling of the version and read in either",
          "[model][schedule]") {
  Json payload = valid_schedule();
  payload["data"][0]["type"] = "CommandJobData";
  Problems problems;
  const auto scheduled = model::scheduled_job_from_json(payload, problems);
  CHECK(problems.empty());
  const Json written = model::to_json(scheduled, ApiVersion::v2022_07_31);
  CHECK(written["data"][0]["type"] == "command");
  CHECK(written["schedule"]["end"]["occurrences"] == 3);
  CHECK(written["enabled"] == true);
}

TEST_CASE("the create body leaves out id, completed and etag", "[model][schedule]") {
  Json payload = valid_schedule();
  payload["id"] = "nightly";
  payload["completed"] = false;
  payload["etag"] = "\"1\"";
  Problems problems;
  const auto scheduled = model::scheduled_job_from_json(payload, problems);
  CHECK(scheduled.etag == "\"1\"");
  const Json body = model::to_create_body(scheduled, ApiVersion::v2022_10_31_preview);
  CHECK_FALSE(body.contains("id"));
  CHECK_FALSE(body.contains("completed"));
  CHECK_FALSE(body.contains("etag"));
  CHECK(body["schedule"]["recurrence"] == "daily");
}

TEST_CASE("every schedule problem is listed at once with its path", "[model][schedule]") {
  Json payload = valid_schedule();
  payload.erase("group");
  payload["schedule"] = {{"recurrence", "hourly"},
                         {"end", {{"type", "occurrences"}, {"occurrences", 1000}}}};
  payload["data"].push_back({{"type", "property"}, {"target", "t"}, {"path", "p"}, {"value", 1}});
  const auto problems = model::check_scheduled_job_payload(payload, ApiVersion::v2022_07_31);
  INFO(paths(problems));
  CHECK(has_path(problems, "group"));
  CHECK(has_path(problems, "schedule.start"));
  CHECK(has_path(problems, "schedule.recurrence"));
  CHECK(has_path(problems, "schedule.end.occurrences"));
  CHECK(has_path(problems, "data"));
}

TEST_CASE("a start without a zone asks for Z or an offset", "[model][schedule]") {
  model::Schedule schedule;
  schedule.start = "2026-12-06T02:00:00";
  const auto problems = model::validate_schedule(schedule);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].message.find("add Z or an offset") != std::string::npos);
}

TEST_CASE("a start or end beyond the years read is a problem that names them",
          "[model][schedule]") {
  model::Schedule schedule;
  schedule.start = "2300-01-01T00:00:00Z";
  auto problems = model::validate_schedule(schedule);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].message == "must be in the years from 1900 to 2199");
  schedule.start = "2026-12-06T02:00:00Z";
  schedule.end = model::ScheduleEnd{"date", "9999-12-31", std::nullopt};
  problems = model::validate_schedule(schedule);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].path == "schedule.end.date");
  CHECK(problems[0].message.find("years from 1900 to 2199") != std::string::npos);
}

TEST_CASE("hostile schedule times are problems, never crashes", "[model][schedule]") {
  for (const char* start :
       {"", "now", "2026-13-01T00:00:00Z", "2026-02-30T00:00:00Z", "2026-12-06T25:00:00Z",
        "2026-12-06T02:00:00Z; rm -rf /", "2026-12-06T02:00:00\x1b[31mZ", "99999-01-01T00:00:00Z",
        "2026-12-06T02:00:00.Z", "2026-12-06T02:00:00+99:00", "\xff\xfe"}) {
    INFO(start);
    model::Schedule schedule;
    schedule.start = start;
    CHECK(has_path(model::validate_schedule(schedule), "schedule.start"));
  }
}

TEST_CASE("an end date before the start is a problem, the start's own day is not",
          "[model][schedule]") {
  model::Schedule schedule;
  schedule.start = "2026-12-06T02:00:00Z";
  schedule.end = model::ScheduleEnd{"date", "2026-12-05", std::nullopt};
  CHECK(has_path(model::validate_schedule(schedule), "schedule.end.date"));
  schedule.end->date = "2026-12-06";
  CHECK(model::validate_schedule(schedule).empty());
  schedule.end->date = "2026-12-06T00:00:00Z";
  CHECK(has_path(model::validate_schedule(schedule), "schedule.end.date"));
  schedule.end = model::ScheduleEnd{"forever", std::nullopt, std::nullopt};
  CHECK(has_path(model::validate_schedule(schedule), "schedule.end.type"));
  schedule.end = model::ScheduleEnd{"occurrences", std::nullopt, 0};
  CHECK(has_path(model::validate_schedule(schedule), "schedule.end.occurrences"));
  schedule.end->occurrences = 999;
  CHECK(model::validate_schedule(schedule).empty());
}

TEST_CASE("a scheduled job may not mix data types, a job may", "[model][schedule]") {
  Json payload = valid_schedule();
  payload["data"].push_back(
      {{"type", "property"}, {"target", "dtmi:a:b;1"}, {"path", "p"}, {"value", 1}});
  const auto problems = model::check_scheduled_job_payload(payload, ApiVersion::v2022_07_31);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].path == "data");
  CHECK(problems[0].message.find("data[1] is property") != std::string::npos);
  Json job = payload;
  job.erase("schedule");
  job.erase("enabled");
  CHECK(model::check_job_payload(job, ApiVersion::v2022_07_31).empty());
}

model::Occurrences rule(const char* start, std::optional<model::Recurrence> recurrence) {
  return {*model::read_rfc3339(start).time, recurrence, std::nullopt, std::nullopt};
}

std::string at(const model::Occurrences& r, std::int64_t n) {
  const auto time = model::occurrence(r, n);
  return time ? model::format_utc(*time) : "none";
}

TEST_CASE("occurrences fall daily, weekly and monthly from the start", "[model][schedule]") {
  auto daily = rule("2026-12-06T02:00:00Z", model::Recurrence::daily);
  CHECK(at(daily, 0) == "2026-12-06T02:00:00Z");
  CHECK(at(daily, 30) == "2027-01-05T02:00:00Z");
  auto weekly = rule("2026-12-06T02:00:00Z", model::Recurrence::weekly);
  CHECK(at(weekly, 2) == "2026-12-20T02:00:00Z");
  auto monthly = rule("2027-01-31T02:00:00Z", model::Recurrence::monthly);
  CHECK(at(monthly, 1) == "2027-02-28T02:00:00Z");
  CHECK(at(monthly, 2) == "2027-03-31T02:00:00Z");
  CHECK(at(monthly, 3) == "2027-04-30T02:00:00Z");
  auto once = rule("2026-12-06T02:00:00Z", std::nullopt);
  CHECK(at(once, 0) == "2026-12-06T02:00:00Z");
  CHECK(at(once, 1) == "none");
}

TEST_CASE("an end by occurrences or by date stops the occurrences", "[model][schedule]") {
  auto daily = rule("2026-12-06T02:00:00Z", model::Recurrence::daily);
  daily.count = 3;
  CHECK(at(daily, 2) == "2026-12-08T02:00:00Z");
  CHECK(at(daily, 3) == "none");
  CHECK(model::occurrence_total(daily) == 3);
  auto until = rule("2026-12-06T02:00:00Z", model::Recurrence::daily);
  until.last_date = *model::read_date("2026-12-09");
  CHECK(model::occurrence_total(until) == 4);
  CHECK(at(until, 3) == "2026-12-09T02:00:00Z");
  CHECK(at(until, 4) == "none");
}

TEST_CASE("occurrences until a time count those at or before it", "[model][schedule]") {
  auto daily = rule("2026-12-06T02:00:00Z", model::Recurrence::daily);
  const auto t = [](const char* text) { return *model::read_rfc3339(text).time; };
  CHECK(model::occurrences_until(daily, t("2026-12-06T01:59:59Z")) == 0);
  CHECK(model::occurrences_until(daily, t("2026-12-06T02:00:00Z")) == 1);
  CHECK(model::occurrences_until(daily, t("2026-12-09T03:00:00Z")) == 4);
  daily.count = 2;
  CHECK(model::occurrences_until(daily, t("2026-12-09T03:00:00Z")) == 2);
  auto monthly = rule("2027-01-31T02:00:00Z", model::Recurrence::monthly);
  CHECK(model::occurrences_until(monthly, t("2027-02-28T02:00:00Z")) == 2);
  CHECK(model::occurrences_until(monthly, t("2027-02-28T01:00:00Z")) == 1);
}

}  // namespace
}  // namespace iotc::testing
