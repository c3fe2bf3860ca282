// The schedule commands in-process against a route-keyed fake service: what they send, what
// they ask on a terminal, and how they say a schedule in words.

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
