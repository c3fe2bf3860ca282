// The schedule commands in-process against a route-keyed fake service: what they send, what
// they ask on a terminal, and how they say a schedule in words.

#include <algorithm>
#include <catch2/catch.hpp>

#include "cli/schedule.hpp"
#include "command_harness.hpp"
#include "job_fixtures.hpp"
#include "errors.hpp"

using namespace iotc::testing;
using iotc::model::Json;

namespace {

const std::string kNotFound = R"({"error":{"code":"ScheduledJobNotFound","message":"no"}})";

Json schedule_json(bool enabled = true) {
  return Json{
      {"id", "nightly"},
      {"displayName", "Nightly"},
      {"group", kGroupId},
      {"data",
       {{{"type", "command"}, {"target", "dtmi:a:b;1"}, {"path", "reboot"}, {"value", nullptr}}}},
      {"schedule",
       {{"start", "2026-12-06T02:00:00Z"},
        {"recurrence", "daily"},
        {"end", {{"type", "occurrences"}, {"occurrences", 10}}}}},
      {"enabled", enabled},
      {"completed", false},
      {"etag", "\"e1\""}};
}

bool sent(const CommandHarness& h, const std::string& method) {
  for (const auto& request : h.http.requests()) {
    if (iotc::api::to_string(request.method) == method) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("schedule show says when it runs in words, on the service's clock", "[cli][schedule]") {
  CommandHarness h;
  // The service's clock (its Date header) is 3 days and 1 hour after the start.
  h.http.on("GET", "/api/scheduledJobs/nightly")
      .reply(200, schedule_json().dump(), {{"Date", "Wed, 09 Dec 2026 03:00:00 GMT"}});
  const auto result =
      h.run([](auto& context) { iotc::cli::run_schedule_show({"nightly"}, context); });
  INFO(result.err);
  CHECK(result.exit_code == 0);
  CHECK(has(result.out, "daily at 02:00 UTC, next 2026-12-10 02:00, 4 of 10 runs done"));
}

TEST_CASE("schedule delete on a terminal asks, and no sends nothing", "[cli][schedule]") {
  CommandHarness h;
  h.stdin_is_terminal = true;
  h.stdin_text = "n\n";
  h.http.on("GET", "/api/scheduledJobs/nightly").reply(200, schedule_json());
  const auto result = h.run([](auto& context) {
    iotc::cli::run_schedule_delete({"nightly", false}, context);
  });
  CHECK(result.exit_code == 1);
  CHECK(has(result.err, "Delete scheduled job nightly ("));
  CHECK_FALSE(sent(h, "DELETE"));
}

TEST_CASE("schedule delete without a terminal or with --yes does not ask", "[cli][schedule]") {
  CommandHarness h;
  h.http.on("DELETE", "/api/scheduledJobs/nightly").reply(204);
  iotc::cli::ScheduleDeleteOptions options{"nightly", false};
  SECTION("no terminal") {}
  SECTION("--yes") {
    h.stdin_is_terminal = true;
    h.stdin_text = "n\n";
    options.yes = true;
  }
  const auto result =
      h.run([&](auto& context) { iotc::cli::run_schedule_delete(options, context); });
  CHECK(result.exit_code == 0);
  CHECK(has(result.err, "Deleted scheduled job nightly."));
}

TEST_CASE("schedule disable sends only enabled, without asking", "[cli][schedule]") {
  CommandHarness h;
  h.stdin_is_terminal = true;
  h.http.on("GET", "/api/scheduledJobs/nightly").reply(200, schedule_json());
  h.http.on("PATCH", "/api/scheduledJobs/nightly").reply(200, schedule_json(false));
  iotc::cli::ScheduleUpdateOptions options;
  options.schedule_id = "nightly";
  options.enabled = false;
  const auto result =
      h.run([&](auto& context) { iotc::cli::run_schedule_update(options, context); });
  INFO(result.err);
  CHECK(result.exit_code == 0);
  const auto& patch = h.http.requests().back();
  CHECK(patch.body == R"({"enabled":false})");
  CHECK(patch.headers.get("Content-Type") == "application/merge-patch+json");
  CHECK_FALSE(patch.headers.contains("If-Match"));
}

TEST_CASE("schedule update refuses an end date before the start, nothing sent", "[cli][schedule]") {
  CommandHarness h;
  h.http.on("GET", "/api/scheduledJobs/nightly").reply(200, schedule_json());
  iotc::cli::ScheduleUpdateOptions options;
  options.schedule_id = "nightly";
  options.schedule.until = "2026-12-01";
  const auto result =
      h.run([&](auto& context) { iotc::cli::run_schedule_update(options, context); });
  CHECK(result.exit_code == 2);
  CHECK(has(result.err, "schedule.end.date: is before the start"));
  CHECK_FALSE(sent(h, "PATCH"));
}

TEST_CASE("schedule create with a given id that exists is exit 7, nothing created",
          "[cli][schedule]") {
  CommandHarness h;
  h.http.on("GET", "/api/scheduledJobs/nightly").reply(200, schedule_json());
  iotc::cli::ScheduleCreateOptions options;
  options.schedule_id = "nightly";
  options.payload.group = kGroupId;
  options.payload.data = {{iotc::cli::DataFlag::Kind::target, "dtmi:a:b;1"},
                          {iotc::cli::DataFlag::Kind::call, "reboot"}};
  options.schedule.start = "2026-12-06T02:00:00Z";
  const auto result =
      h.run([&](auto& context) { iotc::cli::run_schedule_create(options, context); });
  CHECK(result.exit_code == 7);
  CHECK(has(result.err, "already exists"));
  CHECK_FALSE(sent(h, "PUT"));
}

TEST_CASE("schedule list: every scheduled job, or --limit of them and a note", "[cli][schedule]") {
  CommandHarness h;
  Json second = schedule_json(false);
  second["id"] = "weekly";
  h.http.on("GET", "/api/scheduledJobs").reply(200, page(Json::array({schedule_json(), second})));
  SECTION("all of them, one JSON line each") {
    const auto result = h.run_line({"-o", "jsonl", "schedule", "list"});
    INFO(result.err);
    CHECK(result.exit_code == 0);
    CHECK(std::count(result.out.begin(), result.out.end(), '\n') == 2);
    CHECK(has(result.out, R"("id":"weekly")"));
  }
  SECTION("--limit 1 shows one and says there are more") {
    const auto result = h.run_line({"-o", "tsv", "schedule", "list", "--limit", "1", "--columns",
                                    "id,enabled"});
    INFO(result.err);
    CHECK(result.exit_code == 0);
    CHECK(has(result.out, "nightly"));
    CHECK_FALSE(has(result.out, "weekly"));
    CHECK(has(result.err, "Showing the first 1 scheduled jobs"));
  }
}

TEST_CASE("schedule runs lists the jobs it started, and says when there are none",
          "[cli][schedule]") {
  CommandHarness h;
  SECTION("two runs") {
    h.http.on("GET", "/api/scheduledJobs/nightly/jobs")
        .reply(200, page(Json::array({job_json("run-2", "running"), job_json("run-1", "complete")})));
    const auto result = h.run_line({"-o", "jsonl", "schedule", "runs", "nightly"});
    INFO(result.err);
    CHECK(result.exit_code == 0);
    CHECK(result.out.find("run-2") < result.out.find("run-1"));
  }
  SECTION("none yet") {
    h.http.on("GET", "/api/scheduledJobs/nightly/jobs").reply(200, page(Json::array()));
    const auto result = h.run_line({"schedule", "runs", "nightly"});
    CHECK(result.exit_code == 0);
    CHECK(result.out.empty());
    CHECK(has(result.err, "No runs yet."));
  }
  SECTION("an unknown scheduled job is exit 3") {
    h.http.on("GET", "/api/scheduledJobs/nightly/jobs").reply(404, kNotFound);
    const auto result = h.run_line({"schedule", "runs", "nightly"});
    CHECK(result.exit_code == 3);
  }
}

TEST_CASE("schedule enable asks on a terminal, and sends only enabled", "[cli][schedule]") {
  CommandHarness h;
  h.stdin_is_terminal = true;
  h.http.on("GET", "/api/scheduledJobs/nightly").reply(200, schedule_json(false));
  SECTION("no sends nothing") {
    h.stdin_text = "n\n";
    const auto result = h.run_line({"-o", "json", "schedule", "enable", "nightly"});
    CHECK(result.exit_code == 1);
    CHECK(has(result.err, "Enable scheduled job nightly ("));
    CHECK_FALSE(sent(h, "PATCH"));
  }
  SECTION("--yes sends the patch") {
    h.http.on("PATCH", "/api/scheduledJobs/nightly").reply(200, schedule_json(true));
    const auto result = h.run_line({"-o", "json", "schedule", "enable", "nightly", "--yes"});
    INFO(result.err);
    CHECK(result.exit_code == 0);
    CHECK(h.http.requests().back().body == R"({"enabled":true})");
    CHECK(has(result.out, R"("enabled": true)"));
  }
}
