// iotc-jobs schedule against the emulator on a manual clock: a scheduled job that runs once,
// daily for 3 occurrences, until a date, disabled then enabled, updated between runs, deleted;
// its runs after each; the etag conflict; every output format; the refusals (exit 2, 3, 7); and
// hostile values of every new flag, refused before anything is sent.

#include <catch2/catch.hpp>
#include <chrono>
#include <future>
#include <regex>
#include <thread>

#include "fixtures.hpp"
#include "model/time_point.hpp"

using namespace iotc::testing;
using iotc::model::Json;

namespace {

const Env kPreview10{{"IOTC_API_VERSION", "2022-10-31-preview"}};

std::vector<std::string> create_args(const std::string& id, std::vector<std::string> extra) {
  std::vector<std::string> args = {
      "schedule",          "create", id,       "--group", "Lab thermostats", "--target",
      kThermostatTemplate, "--call", "reboot", "--name",  "Nightly reboot"};
  args.insert(args.end(), extra.begin(), extra.end());
  return args;
}

void create(const Cli& cli, const std::string& id, std::vector<std::string> extra,
            const Env& env = {}) {
  const auto result = cli.run(create_args(id, std::move(extra)), env);
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  CHECK(has(result.err, "Created scheduled job " + id + "."));
}

Json runs(const Cli& cli, const std::string& id) {
  return cli.json({"schedule", "runs", id});
}

std::size_t logged(const EmulatorProcess& emulator, const std::string& path_part) {
  std::size_t count = 0;
  // The answer is kept: a range-for over a member of a temporary reads freed memory.
  const auto log = emulator.request("GET", "/_emulator/requests");
  for (const auto& entry : log.body["value"]) {
    if (entry["path"].get<std::string>().find(path_part) != std::string::npos) ++count;
  }
  return count;
}

}  // namespace

TEST_CASE("a scheduled job that runs once, then is completed", "[e2e][schedule]") {
  EmulatorProcess emulator({"--manual-clock"});
  Cli cli(emulator);
  create(cli, "once", {"--start", "now+1h"});
  CHECK(runs(cli, "once").empty());
  advance_clock(emulator, "1h");
  const Json jobs = runs(cli, "once");
  REQUIRE(jobs.size() == 1);
  CHECK(jobs[0]["displayName"] == "Nightly reboot - 1");
  CHECK(jobs[0]["scheduledJobId"] == "once");
  const auto shown = cli.run({"schedule", "show", "once"});
  CHECK(std::regex_search(shown.out, std::regex("\nSCHEDULE +once, [0-9-]+ [0-9:]+ UTC, "
                                                "completed, 1 of 1 runs done\n")));
  CHECK(std::regex_search(shown.out, std::regex("\nCOMPLETED +true\n")));
  // list --schedule and the scheduledJobId column show which jobs it started.
  const auto listed = cli.run(
      {"list", "--schedule", "once", "--columns", "displayName,scheduledJobId", "-o", "tsv"});
  CHECK(listed.out == "Nightly reboot - 1\tonce\n");
}

TEST_CASE("a daily scheduled job of 3 occurrences runs 3 times", "[e2e][schedule]") {
  EmulatorProcess emulator({"--manual-clock"});
  Cli cli(emulator);
  create(cli, "daily", {"--start", "now+10m", "--every", "daily", "--occurrences", "3"});
  const auto before = cli.run({"schedule", "show", "daily"});
  CHECK(std::regex_search(
      before.out,
      std::regex("\nSCHEDULE +daily at [0-9:]+ UTC, next [0-9-]+ [0-9:]+, 0 of 3 runs done\n")));
  for (int day = 1; day <= 4; ++day) {
    advance_clock(emulator, day == 1 ? "10m" : "1d");
    CHECK(runs(cli, "daily").size() == static_cast<std::size_t>(std::min(day, 3)));
  }
  CHECK(runs(cli, "daily")[0]["displayName"] == "Nightly reboot - 3");
  CHECK(has(cli.run({"schedule", "show", "daily"}).out, "completed, 3 of 3 runs done"));
}

TEST_CASE("a scheduled job until a date runs through that day", "[e2e][schedule]") {
  EmulatorProcess emulator({"--manual-clock"});
  Cli cli(emulator);
  const auto now = emulator.request("GET", "/_emulator/clock").body["now"].get<std::string>();
  const auto today = *iotc::model::read_date(now.substr(0, 10));
  const std::string tomorrow = iotc::model::format_date(today + std::chrono::days(1));
  create(cli, "until", {"--start", "now+1m", "--every", "daily", "--until", tomorrow});
  advance_clock(emulator, "1m");
  advance_clock(emulator, "1d");
  advance_clock(emulator, "1d");
  CHECK(runs(cli, "until").size() == 2);
  CHECK(has(cli.run({"schedule", "show", "until"}).out, "until " + tomorrow + ", completed"));
}

TEST_CASE("a disabled scheduled job runs nothing until it is enabled", "[e2e][schedule]") {
  EmulatorProcess emulator({"--manual-clock"});
  Cli cli(emulator);
  create(cli, "paused", {"--start", "now+10m", "--every", "daily", "--disabled"});
  CHECK(cli.json({"schedule", "show", "paused"})["enabled"] == false);
  advance_clock(emulator, "1h");
  CHECK(runs(cli, "paused").empty());
  // No run, and none to come: nothing to wait for.
  const auto waited = cli.run({"schedule", "runs", "paused", "--wait"});
  CHECK(waited.exit_code == 3);
  CHECK(has(waited.err, "no run to wait for"));
  const auto enabled = cli.run({"schedule", "enable", "paused"});
  INFO(enabled.err);
  CHECK(enabled.exit_code == 0);
  CHECK(has(enabled.out, "ENABLED "));
  advance_clock(emulator, "1d");
  CHECK(runs(cli, "paused").size() == 1);
  CHECK(cli.run({"schedule", "disable", "paused"}).exit_code == 0);
  advance_clock(emulator, "1d");
  CHECK(runs(cli, "paused").size() == 1);
}

TEST_CASE("a scheduled job updated between runs runs as updated", "[e2e][schedule]") {
  EmulatorProcess emulator({"--manual-clock"});
  Cli cli(emulator);
  create(cli, "changing", {"--start", "now+10m", "--every", "daily"});
  advance_clock(emulator, "10m");
  REQUIRE(runs(cli, "changing").size() == 1);
  // While its run is running the service refuses the update: exit 7, nothing changed.
  const auto refused = cli.run({"schedule", "update", "changing", "--name", "Renamed"});
  CHECK(refused.exit_code == 7);
  advance_clock(emulator, "1s");
  const auto updated = cli.run({"schedule", "update", "changing", "--name", "Renamed"});
  INFO(updated.err);
  REQUIRE(updated.exit_code == 0);
  CHECK(has(updated.err, "Updated scheduled job changing."));
  advance_clock(emulator, "1d");
  const Json jobs = runs(cli, "changing");
  REQUIRE(jobs.size() == 2);
  CHECK(jobs[0]["displayName"] == "Renamed - 2");
  CHECK(jobs[1]["displayName"] == "Nightly reboot - 1");
}

TEST_CASE("a deleted scheduled job is gone, its run goes on", "[e2e][schedule]") {
  EmulatorProcess emulator({"--manual-clock"});
  Cli cli(emulator);
  create(cli, "doomed", {"--start", "now", "--every", "daily"});
  const Json jobs = runs(cli, "doomed");
  REQUIRE(jobs.size() == 1);
  const auto deleted = cli.run({"schedule", "delete", "doomed"});
  CHECK(deleted.exit_code == 0);
  CHECK(has(deleted.err, "Deleted scheduled job doomed."));
  CHECK(cli.run({"schedule", "show", "doomed"}).exit_code == 3);
  CHECK(cli.run({"schedule", "runs", "doomed"}).exit_code == 3);
  CHECK(cli.run({"schedule", "delete", "doomed"}).exit_code == 3);
  const std::string job = jobs[0]["id"].get<std::string>();
  CHECK(cli.json({"show", job})["status"] == "running");
  CHECK(cli.run({"list", "--schedule", "doomed", "--columns", "id", "-o", "tsv"}).out ==
        job + "\n");
}

TEST_CASE("runs --wait waits for the next run and reports it as wait does", "[e2e][schedule]") {
  EmulatorProcess emulator({"--manual-clock"});
  Cli cli(emulator);
  create(cli, "awaited", {"--start", "now+1h", "--every", "daily"});
  auto waiting = std::async(std::launch::async, [&] {
    return cli.run({"schedule", "runs", "awaited", "--wait", "--interval", "100ms", "-o", "json"});
  });
  // Once the command has looked at least twice, the hour passes, and the run finishes.
  for (int i = 0; i < 100 && logged(emulator, "/scheduledJobs/awaited/jobs") < 2; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  advance_clock(emulator, "1h");
  advance_clock(emulator, "5s");
  const auto result = waiting.get();
  INFO(result.err);
  CHECK(result.exit_code == 0);
  CHECK(Json::parse(result.out)["status"] == "complete");
  CHECK(has(result.err, "a run of scheduled job awaited"));
}

TEST_CASE("update --if-match: a stale etag is exit 7, and only 2022-10-31-preview has it",
          "[e2e][schedule]") {
  EmulatorProcess emulator({"--manual-clock"});
  Cli cli(emulator);
  create(cli, "tagged", {"--start", "now+1h"}, kPreview10);
  const std::string etag =
      cli.run({"schedule", "show", "tagged", "--columns", "etag", "-o", "tsv"}, kPreview10).out;
  const std::string first = etag.substr(0, etag.size() - 1);
  CHECK(cli.run({"schedule", "update", "tagged", "--name", "One", "--if-match", first}, kPreview10)
            .exit_code == 0);
  const auto stale =
      cli.run({"schedule", "update", "tagged", "--name", "Two", "--if-match", first}, kPreview10);
  CHECK(stale.exit_code == 7);
  CHECK(has(stale.err, "has changed since etag"));
  CHECK(cli.json({"schedule", "show", "tagged"})["displayName"] == "One");
  const auto ga = cli.run({"schedule", "update", "tagged", "--name", "Two", "--if-match", first});
  CHECK(ga.exit_code == 2);
  CHECK(has(ga.err, "2022-10-31-preview"));
}

TEST_CASE("schedule list and runs in every output format, with --columns", "[e2e][schedule]") {
  EmulatorProcess emulator({"--manual-clock"});
  Cli cli(emulator);
  create(cli, "formats", {"--start", "now", "--every", "weekly"});
  const Json list = cli.json({"schedule", "list"});
  REQUIRE(list.size() == 1);
  CHECK(list[0]["id"] == "formats");
  CHECK_FALSE(list[0].contains("when"));  // the service's JSON, as it sent it
  CHECK(Json::parse(cli.run({"schedule", "list", "-o", "jsonl"}).out)["id"] == "formats");
  CHECK(cli.run({"schedule", "list", "-o", "tsv", "--columns", "id,enabled"}).out ==
        "formats\ttrue\n");
  CHECK(cli.run({"schedule", "list", "-o", "csv", "--columns", "id,schedule.recurrence"}).out ==
        "id,schedule.recurrence\nformats,weekly\n");
  const auto table = cli.run({"schedule", "list"});
  CHECK(std::regex_search(table.out,
                          std::regex("formats +Nightly reboot +true +weekly on [A-Za-z]+ at")));
  CHECK(runs(cli, "formats").size() == 1);
  CHECK(lines_of(cli.run({"schedule", "runs", "formats", "-o", "jsonl"}).out).size() == 1);
  CHECK(cli.run({"schedule", "runs", "formats", "-o", "tsv", "--columns", "displayName"}).out ==
        "Nightly reboot - 1\n");
  CHECK(
      has(cli.run({"schedule", "runs", "formats", "-o", "csv", "--columns", "scheduledJobId"}).out,
          "formats"));
  CHECK(has(cli.run({"schedule", "runs", "formats"}).out, "Nightly reboot - 1"));
}

TEST_CASE("schedule create refuses what it must: an existing id, mixed data, no zone",
          "[e2e][schedule]") {
  EmulatorProcess emulator({"--manual-clock"});
  Cli cli(emulator);
  create(cli, "taken", {"--start", "now+1h"});
  const auto again = cli.run(create_args("taken", {"--start", "now+2h"}));
  CHECK(again.exit_code == 7);
  CHECK(has(again.err, "already exists"));
  REQUIRE(emulator.request("DELETE", "/_emulator/requests").status == 204);
  const auto mixed =
      cli.run(create_args("mixed", {"--start", "now+1h", "--set", "targetTemperature=21"}));
  CHECK(mixed.exit_code == 2);
  CHECK(has(mixed.err, "data: all items must be of one type"));
  const auto no_zone = cli.run(create_args("local", {"--start", "2026-12-06T02:00:00"}));
  CHECK(no_zone.exit_code == 2);
  CHECK(has(no_zone.err, "add Z or an offset"));
  const auto no_start = cli.run(create_args("nostart", {}));
  CHECK(no_start.exit_code == 2);
  CHECK(has(no_start.err, "--start"));
  CHECK(logged(emulator, "/api/") == 0);
  // A start with an offset is sent and shown in UTC.
  create(cli, "offset", {"--start", "2030-01-01T03:00:00+01:00"});
  CHECK(cli.json({"schedule", "show", "offset"})["schedule"]["start"] == "2030-01-01T02:00:00Z");
}

TEST_CASE("every schedule command exits 2 in api-version preview", "[e2e][schedule]") {
  EmulatorProcess emulator({"--manual-clock"});
  Cli cli(emulator);
  const Env preview{{"IOTC_API_VERSION", "preview"}};
  for (const auto& args :
       std::vector<std::vector<std::string>>{{"schedule", "list"},
                                             {"schedule", "show", "x"},
                                             create_args("x", {"--start", "now"}),
                                             {"schedule", "update", "x", "--name", "y"},
                                             {"schedule", "enable", "x"},
                                             {"schedule", "disable", "x"},
                                             {"schedule", "delete", "x"},
                                             {"schedule", "runs", "x"},
                                             {"scheduled-job", "list"}}) {
    INFO(args[1]);
    const auto result = cli.run(args, preview);
    CHECK(result.exit_code == 2);
    CHECK(has(result.err, "scheduled jobs do not exist in api-version preview"));
  }
  CHECK(logged(emulator, "/api/") == 0);
}

TEST_CASE("hostile values of every schedule flag are refused before anything is sent",
          "[e2e][schedule][hostile]") {
  EmulatorProcess emulator({"--manual-clock"});
  Cli cli(emulator);
  const std::string long_id(256, 'a');
  const std::vector<std::vector<std::string>> cases = {
      create_args("x", {"--start", "2026-12-06T02:00:00Z$(rm -rf /)"}),
      create_args("x", {"--start", "\x1b[31m2026-12-06T02:00:00Z"}),
      create_args("x", {"--start", "now+99999999999999999999d"}),
      create_args("x", {"--start", "now-1h"}),
      create_args("x", {"--start", "\xff\xfe"}),
      create_args("x", {"--start", "now", "--occurrences", "1e3"}),
      create_args("x", {"--start", "now", "--occurrences", "0"}),
      create_args("x", {"--start", "now", "--occurrences", "1000"}),
      create_args("x", {"--start", "now", "--occurrences", "99999999999999999999999"}),
      create_args("x", {"--start", "now", "--occurrences", "3; rm -rf /"}),
      create_args("x", {"--start", "now", "--until", "2026-02-30"}),
      create_args("x", {"--start", "now", "--until", "`reboot`"}),
      create_args("x", {"--start", "now", "--until", "2030-01-01", "--occurrences", "2"}),
      create_args("x", {"--start", "now", "--every", "hourly"}),
      create_args("x", {"--start", "now", "--every", "daily\n"}),
      create_args("../x", {"--start", "now"}),
      create_args(long_id, {"--start", "now"}),
      create_args("a b", {"--start", "now"}),
      {"schedule", "show", "x;id"},
      {"schedule", "runs", "\x1b]0;x\x07"},
      {"schedule", "delete", "x/y"},
      {"schedule", "update", "x"},
      {"schedule", "update", "x", "--every", "yearly"},
      {"schedule", "update", "x", "--start", "2026-12-06 02:00"},
      {"schedule", "update", "x", "--if-match", "\"e\"", "--name", "n"},
      {"list", "--schedule", "x$(id)"},
  };
  REQUIRE(emulator.request("DELETE", "/_emulator/requests").status == 204);
  for (const auto& args : cases) {
    std::string shown;
    for (const auto& arg : args) shown += arg + " ";
    INFO(shown);
    const auto result = cli.run(args);
    CHECK(result.exit_code == 2);
    CHECK(result.out.empty());
    CHECK(result.err.find('\x1b') == std::string::npos);
  }
  CHECK(logged(emulator, "/api/") == 0);
}
