// Scheduled jobs through the API, on the manual clock: their shapes in both 2022 versions, the
// occurrences the scheduler runs (once, daily, until a date, after a clock jump, disabled), the
// etag and If-Match, the refusals, reset, and state across restarts and kill -9.
#include <catch2/catch.hpp>
#include <chrono>

#include "e2e_helpers.hpp"
#include "model/time_point.hpp"

using namespace iotc::testing;

namespace {

constexpr const char* kPreview10 = "2022-10-31-preview";

// The emulator's now, moved by `offset`, as RFC 3339.
std::string emulator_time(const EmulatorProcess& emulator, std::chrono::minutes offset) {
  const auto now = emulator.request("GET", "/_emulator/clock").body["now"].get<std::string>();
  return iotc::model::format_utc(*iotc::model::read_rfc3339(now).time + offset);
}

Json definition(const std::string& start, Json schedule_extra = Json::object(),
                Json extra = Json::object()) {
  Json schedule = {{"start", start}};
  schedule.update(schedule_extra);
  Json body = {{"displayName", "Nightly reboot"},
               {"group", kLabGroup},
               {"data",
                {{{"type", "command"},
                  {"target", kThermostatTemplate},
                  {"path", "reboot"},
                  {"value", nullptr}}}},
               {"schedule", schedule},
               {"enabled", true}};
  body.update(extra);
  return body;
}

Json runs_of(const EmulatorProcess& emulator, const std::string& id,
             const std::string& version = "2022-07-31") {
  return collect_pages(emulator, api("scheduledJobs/" + id + "/jobs", version));
}

Json get_schedule(const EmulatorProcess& emulator, const std::string& id) {
  return emulator.request("GET", api("scheduledJobs/" + id)).body;
}

EmulatorProcess::Response patch(const EmulatorProcess& emulator, const std::string& id,
                                const Json& body, const std::string& if_match = {}) {
  std::map<std::string, std::string> headers = {{"Authorization", kTestToken},
                                                {"Content-Type", "application/merge-patch+json"}};
  if (!if_match.empty()) headers["If-Match"] = if_match;
  return emulator.request_raw("PATCH", api("scheduledJobs/" + id, kPreview10), headers,
                              body.dump());
}

}  // namespace

TEST_CASE("a scheduled job comes back as the spec shapes it, in both 2022 versions") {
  EmulatorProcess emulator({"--manual-clock"});
  const std::string start = emulator_time(emulator, std::chrono::minutes(60));
  for (const char* version : {"2022-07-31", kPreview10}) {
    INFO(version);
    const std::string id = std::string("shape-") + (version[5] == '0' ? "ga" : "preview");
    auto put = emulator.request("PUT", api("scheduledJobs/" + id, version),
                                definition(start, {{"recurrence", "weekly"}}));
    REQUIRE(put.status == 200);
    CHECK(put.body["id"] == id);
    CHECK(put.body["schedule"]["start"] == start);
    CHECK(put.body["schedule"]["recurrence"] == "weekly");
    CHECK(put.body["enabled"] == true);
    CHECK(put.body["completed"] == false);
    CHECK(put.body["etag"].is_string());
    CHECK(emulator.request("GET", api("scheduledJobs/" + id, version)).body == put.body);
  }
  CHECK(collect_pages(emulator, api("scheduledJobs")).size() == 2);
  CHECK(emulator.request("GET", api("scheduledJobs", "preview")).status == 404);
  CHECK(emulator.request("GET", api("scheduledJobs/none")).status == 404);
  CHECK(emulator.request("DELETE", api("scheduledJobs/shape-ga")).status == 204);
  CHECK(emulator.request("DELETE", api("scheduledJobs/shape-ga")).status == 404);
}

TEST_CASE("a definition without enabled is stored disabled") {
  EmulatorProcess emulator({"--manual-clock"});
  Json body = definition(emulator_time(emulator, std::chrono::minutes(1)));
  body.erase("enabled");
  auto put = emulator.request("PUT", api("scheduledJobs/quiet"), body);
  REQUIRE(put.status == 200);
  CHECK(put.body["enabled"] == false);
  advance_clock(emulator, "2m");
  CHECK(runs_of(emulator, "quiet").empty());
}

TEST_CASE("a schedule without recurrence runs once, then is completed") {
  EmulatorProcess emulator({"--manual-clock"});
  REQUIRE(emulator
              .request("PUT", api("scheduledJobs/once"),
                       definition(emulator_time(emulator, std::chrono::minutes(30))))
              .status == 200);
  advance_clock(emulator, "29m");
  CHECK(runs_of(emulator, "once").empty());
  advance_clock(emulator, "1m");
  const Json runs = runs_of(emulator, "once", kPreview10);
  REQUIRE(runs.size() == 1);
  CHECK(runs[0]["displayName"] == "Nightly reboot - 1");
  CHECK(runs[0]["scheduledJobId"] == "once");
  CHECK(runs[0]["id"].get<std::string>().size() == 36);  // a GUID, as in the service's example
  CHECK(get_schedule(emulator, "once")["completed"] == true);
  advance_clock(emulator, "1d");
  CHECK(runs_of(emulator, "once").size() == 1);
  // The job is a job like any other, listed with the schedule that started it.
  const Json job = emulator.request("GET", api("jobs/" + runs[0]["id"].get<std::string>())).body;
  CHECK(job["scheduledJobId"] == "once");
  CHECK_FALSE(emulator.request("GET", api("jobs/" + runs[0]["id"].get<std::string>(), "preview"))
                  .body.contains("scheduledJobId"));
}

TEST_CASE("a daily schedule of 3 occurrences runs 3 times, newest listed first") {
  EmulatorProcess emulator({"--manual-clock"});
  REQUIRE(emulator
              .request("PUT", api("scheduledJobs/daily"),
                       definition(emulator_time(emulator, std::chrono::minutes(10)),
                                  {{"recurrence", "daily"},
                                   {"end", {{"type", "occurrences"}, {"occurrences", 3}}}}))
              .status == 200);
  for (int day = 1; day <= 4; ++day) {
    advance_clock(emulator, day == 1 ? "10m" : "1d");
    CHECK(runs_of(emulator, "daily").size() == static_cast<std::size_t>(std::min(day, 3)));
  }
  const Json runs = runs_of(emulator, "daily");
  CHECK(runs[0]["displayName"] == "Nightly reboot - 3");
  CHECK(runs[2]["displayName"] == "Nightly reboot - 1");
  CHECK(runs[0]["status"] == "complete");
  CHECK(get_schedule(emulator, "daily")["completed"] == true);
}

TEST_CASE("an end date is the last day that runs") {
  EmulatorProcess emulator({"--manual-clock"});
  const std::string start = emulator_time(emulator, std::chrono::minutes(10));
  const auto start_time = *iotc::model::read_rfc3339(start).time;
  const std::string last_day = iotc::model::format_date(
      std::chrono::floor<std::chrono::days>(start_time) + std::chrono::days(1));
  REQUIRE(emulator
              .request("PUT", api("scheduledJobs/until"),
                       definition(start, {{"recurrence", "daily"},
                                          {"end", {{"type", "date"}, {"date", last_day}}}}))
              .status == 200);
  advance_clock(emulator, "10m");
  advance_clock(emulator, "1d");
  advance_clock(emulator, "1d");
  CHECK(runs_of(emulator, "until").size() == 2);
  CHECK(get_schedule(emulator, "until")["completed"] == true);
}

TEST_CASE("after a jump past several occurrences one job runs, for the latest") {
  EmulatorProcess emulator({"--manual-clock"});
  const std::string start = emulator_time(emulator, std::chrono::minutes(10));
  REQUIRE(emulator
              .request("PUT", api("scheduledJobs/jump"),
                       definition(start, {{"recurrence", "daily"},
                                          {"end", {{"type", "occurrences"}, {"occurrences", 5}}}}))
              .status == 200);
  advance_clock(emulator, "3d");  // occurrences 1 to 3 have passed
  const Json runs = runs_of(emulator, "jump");
  REQUIRE(runs.size() == 1);
  const auto started = *iotc::model::read_rfc3339(runs[0]["start"].get<std::string>()).time;
  CHECK(started == *iotc::model::read_rfc3339(start).time + std::chrono::days(2));
  advance_clock(emulator, "2d");  // the 4th is skipped too; the skipped count: the 5th is the last
  CHECK(runs_of(emulator, "jump").size() == 2);
  CHECK(get_schedule(emulator, "jump")["completed"] == true);
}

TEST_CASE("a disabled schedule runs nothing until it is enabled") {
  EmulatorProcess emulator({"--manual-clock"});
  REQUIRE(emulator
              .request("PUT", api("scheduledJobs/paused"),
                       definition(emulator_time(emulator, std::chrono::minutes(10)),
                                  {{"recurrence", "daily"}}, {{"enabled", false}}))
              .status == 200);
  advance_clock(emulator, "1h");
  CHECK(runs_of(emulator, "paused").empty());
  REQUIRE(patch(emulator, "paused", {{"enabled", true}}).status == 200);
  advance_clock(emulator, "1d");
  CHECK(runs_of(emulator, "paused").size() == 1);
}

TEST_CASE("the etag changes on every write and a stale If-Match is refused with 412") {
  EmulatorProcess emulator({"--manual-clock"});
  auto put = emulator.request("PUT", api("scheduledJobs/tagged", kPreview10),
                              definition(emulator_time(emulator, std::chrono::minutes(60))));
  REQUIRE(put.status == 200);
  const std::string first = put.body["etag"].get<std::string>();
  auto renamed = patch(emulator, "tagged", {{"displayName", "Renamed"}}, first);
  REQUIRE(renamed.status == 200);
  const std::string second = renamed.body["etag"].get<std::string>();
  CHECK(second != first);
  CHECK(renamed.body["displayName"] == "Renamed");
  CHECK(renamed.body["data"] == put.body["data"]);  // a merge patch changes only what it names
  auto stale = patch(emulator, "tagged", {{"displayName", "Again"}}, first);
  CHECK(stale.status == 412);
  CHECK(stale.body["error"]["code"] == "PreconditionFailed");
  CHECK(patch(emulator, "tagged", {{"description", "any"}}, "*").status == 200);
  CHECK(get_schedule(emulator, "tagged")["displayName"] == "Renamed");
}

TEST_CASE("a scheduled job may not mix data types: 400 on PUT and on PATCH") {
  EmulatorProcess emulator({"--manual-clock"});
  Json body = definition(emulator_time(emulator, std::chrono::minutes(60)));
  Json mixed = body["data"];
  mixed.push_back({{"type", "property"},
                   {"target", kThermostatTemplate},
                   {"path", "targetTemperature"},
                   {"value", 21}});
  Json put_body = body;
  put_body["data"] = mixed;
  auto put = emulator.request("PUT", api("scheduledJobs/mixed"), put_body);
  CHECK(put.status == 400);
  CHECK_THAT(put.text, Catch::Contains("one type"));
  REQUIRE(emulator.request("PUT", api("scheduledJobs/mixed"), body).status == 200);
  auto patched = patch(emulator, "mixed", {{"data", mixed}});
  CHECK(patched.status == 400);
  // A job may still mix them.
  Json job = body;
  job.erase("schedule");
  job.erase("enabled");
  job["data"] = mixed;
  CHECK(emulator.request("PUT", api("jobs/mixed-job"), job).status == 200);
}

TEST_CASE("bad definitions are refused with 400 naming each problem") {
  EmulatorProcess emulator({"--manual-clock"});
  Json body = definition(
      "2026-12-06T02:00:00",
      {{"recurrence", "hourly"}, {"end", {{"type", "occurrences"}, {"occurrences", 1000}}}});
  auto put = emulator.request("PUT", api("scheduledJobs/bad"), body);
  CHECK(put.status == 400);
  CHECK_THAT(put.text, Catch::Contains("schedule.start"));
  CHECK_THAT(put.text, Catch::Contains("schedule.recurrence"));
  CHECK_THAT(put.text, Catch::Contains("schedule.end.occurrences"));
  CHECK(emulator.request("PUT", api("scheduledJobs/bad%20id"), definition("2026-12-06T02:00:00Z"))
            .status == 400);
  Json no_group = definition("2026-12-06T02:00:00Z", Json::object(), {{"group", "nope"}});
  CHECK(emulator.request("PUT", api("scheduledJobs/no-group"), no_group).status == 422);
}

TEST_CASE("an update while a job of the schedule runs is refused, deleting leaves it running") {
  EmulatorProcess emulator({"--manual-clock"});
  REQUIRE(emulator
              .request("PUT", api("scheduledJobs/busy"),
                       definition(emulator_time(emulator, std::chrono::minutes(0)),
                                  {{"recurrence", "daily"}}))
              .status == 200);
  const Json runs = runs_of(emulator, "busy");
  REQUIRE(runs.size() == 1);  // a start of now runs at once
  CHECK(runs[0]["status"] == "running");
  auto refused = patch(emulator, "busy", {{"displayName", "Renamed"}});
  CHECK(refused.status == 409);
  CHECK_THAT(refused.text, Catch::Contains("active running job instances"));
  CHECK(emulator.request("DELETE", api("scheduledJobs/busy")).status == 204);
  const std::string job_id = runs[0]["id"].get<std::string>();
  CHECK(emulator.request("GET", api("jobs/" + job_id)).body["status"] == "running");
  advance_clock(emulator, "1s");
  CHECK(emulator.request("GET", api("jobs/" + job_id)).body["status"] == "complete");
  advance_clock(emulator, "1d");
  CHECK(emulator.request("GET", api("jobs")).body["value"].size() == 1);
}

TEST_CASE("reset clears the scheduled jobs") {
  EmulatorProcess emulator({"--manual-clock"});
  REQUIRE(emulator
              .request("PUT", api("scheduledJobs/gone"),
                       definition(emulator_time(emulator, std::chrono::minutes(60))))
              .status == 200);
  REQUIRE(emulator.request("POST", "/_emulator/reset").status == 204);
  CHECK(collect_pages(emulator, api("scheduledJobs")).empty());
  advance_clock(emulator, "2h");
  CHECK(collect_pages(emulator, api("jobs")).empty());
}

TEST_CASE("scheduled jobs survive a restart, and after kill -9 no occurrence runs twice") {
  TempDir dir;
  EmulatorProcess emulator({"--state", dir.file("state.db"), "--manual-clock"});
  REQUIRE(emulator
              .request("PUT", api("scheduledJobs/kept"),
                       definition(emulator_time(emulator, std::chrono::minutes(10)),
                                  {{"recurrence", "daily"}}))
              .status == 200);
  advance_clock(emulator, "10m");
  REQUIRE(runs_of(emulator, "kept").size() == 1);
  const Json before = get_schedule(emulator, "kept");
  emulator.kill9();
  emulator.restart();
  CHECK(get_schedule(emulator, "kept") == before);
  CHECK(runs_of(emulator, "kept").size() == 1);
  advance_clock(emulator, "1d");
  CHECK(runs_of(emulator, "kept").size() == 2);
  emulator.restart();
  CHECK(runs_of(emulator, "kept").size() == 2);
}
