// iotc-jobs list, in every output format, on and off a terminal.

#include <algorithm>
#include <catch2/catch.hpp>
#include <regex>

#include "fixtures.hpp"

using namespace iotc::testing;
using iotc::model::Json;

TEST_CASE("list prints every format, for people and for scripts", "[e2e][list]") {
  EmulatorProcess emulator({"--manual-clock"});
  Cli cli(emulator);
  put_job(emulator, "job-006", kThermostatsGroup);  // 3 of its 40 devices fail
  put_job(emulator, "job-lab", kLabGroup, "Lab \x1b]0;owned\x07 name");
  advance_clock(emulator, "1h");

  SECTION("table off a terminal: aligned, RFC 3339 times, no colour") {
    const auto result = cli.run({"list"});
    INFO(result.err);
    CHECK(result.exit_code == 0);
    CHECK(result.err.empty());
    const auto lines = lines_of(result.out);
    REQUIRE(lines.size() == 3);
    CHECK(std::regex_match(lines[0], std::regex("ID +NAME +STATUS +PROGRESS +STARTED +DATA")));
    CHECK(has(result.out, "40/40, 3 failed"));
    CHECK(has(result.out, "property targetTemperature=56"));
    CHECK(std::regex_search(result.out, std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)")));
    CHECK_FALSE(has(result.out, "\x1b"));
    // The control characters in the name are shown, not obeyed.
    CHECK(has(result.out, "Lab \\x1b]0;owned\\x07 name"));
  }

  SECTION("table on a terminal: colour, relative times, fitted to the width") {
    const auto result = cli.run_tty({"list"}, {{"COLUMNS", "80"}});
    CHECK(result.exit_code == 0);
    CHECK(has(result.out, "\x1b[32mcomplete"));
    CHECK(std::regex_search(result.out, std::regex("just now| ago")));
    CHECK_FALSE(has(result.out, "\x07"));
    for (const auto& line : lines_of(result.out)) {
      const std::string plain = std::regex_replace(line, std::regex("\x1b\\[[0-9;]*m"), "");
      CHECK(plain.size() <= 80 + 6);  // "…" takes 3 bytes for one column, at most twice
    }
  }

  SECTION("NO_COLOR and --no-color turn colour off on a terminal") {
    CHECK_FALSE(has(cli.run_tty({"list"}, {{"NO_COLOR", "1"}}).out, "\x1b["));
    CHECK_FALSE(has(cli.run_tty({"list", "--no-color"}).out, "\x1b["));
    CHECK_FALSE(has(cli.run_tty({"list"}, {{"CLICOLOR", "0"}}).out, "\x1b["));
    // no-color.org: NO_COLOR counts only when it is not empty.
    CHECK(has(cli.run_tty({"list"}, {{"NO_COLOR", ""}}).out, "\x1b[32mcomplete"));
  }

  SECTION("json: one array of the service's own objects") {
    const auto result = cli.run({"list", "-o", "json"});
    CHECK(result.exit_code == 0);
    const Json jobs = Json::parse(result.out);
    REQUIRE(jobs.is_array());
    REQUIRE(jobs.size() == 2);
    const auto listed = emulator.request("GET", "/api/jobs?api-version=2022-07-31").body["value"];
    CHECK(jobs == listed);
    // Same on a terminal: json is never decorated.
    CHECK(Json::parse(cli.run_tty({"list", "-o", "json"}).out) == listed);
  }

  SECTION("jsonl: one object per line") {
    const auto result = cli.run({"-o", "jsonl", "list"});
    const auto lines = lines_of(result.out);
    REQUIRE(lines.size() == 2);
    for (const auto& line : lines) CHECK(Json::parse(line).contains("progress"));
  }

  SECTION("tsv: no header, one job per line, tab separated") {
    const auto result = cli.run({"list", "-o", "tsv"});
    const auto lines = lines_of(result.out);
    REQUIRE(lines.size() == 2);
    CHECK(std::count(lines[0].begin(), lines[0].end(), '\t') == 5);
    CHECK(has(result.out, "job-006\tSet target temperature\tcomplete\t40/40, 3 failed\t"));
    // tsv shows the same times on a terminal: RFC 3339, never "5m ago".
    CHECK_FALSE(has(cli.run_tty({"list", "-o", "tsv"}).out, " ago"));
  }

  SECTION("csv: a header row and quoted fields") {
    const auto result = cli.run({"list", "-o", "csv"});
    const auto lines = lines_of(result.out);
    REQUIRE(lines.size() == 3);
    CHECK(lines[0] == "id,displayName,status,progress,start,data");
    CHECK(has(result.out, "job-006,Set target temperature,complete,\"40/40, 3 failed\","));
  }

  SECTION("csv keeps a field's bytes as they are, quoted; only tsv escapes") {
    put_job(emulator, "job-odd", kLabGroup, "Tab\there\nnext \"line\"");
    const auto csv = cli.run({"list", "-o", "csv", "--columns", "id,displayName"});
    CHECK(has(csv.out, "job-odd,\"Tab\there\nnext \"\"line\"\"\"\n"));
    CHECK(has(csv.out, "job-lab,\"Lab \x1b]0;owned\x07 name\"\n"));
    const auto tsv = cli.run({"list", "-o", "tsv", "--columns", "id,displayName"});
    CHECK(has(tsv.out, "job-odd\tTab\\there\\nnext \"line\"\n"));
    CHECK(has(tsv.out, "job-lab\tLab \\x1b]0;owned\\x07 name\n"));
  }

  SECTION("--columns with dotted paths, in every format") {
    const auto tsv =
        cli.run({"list", "--columns", "id,progress.failed,progress.total", "-o", "tsv"});
    CHECK(has(tsv.out, "job-006\t3\t40\n"));
    CHECK(has(tsv.out, "job-lab\t0\t10\n"));
    const auto table = cli.run({"list", "--columns", "id,progress.failed"});
    CHECK(std::regex_search(table.out, std::regex("ID +FAILED\n")));
    const auto csv = cli.run({"list", "--columns", "id,batch.value", "-o", "csv"});
    CHECK(lines_of(csv.out).at(0) == "id,batch.value");
    CHECK(has(csv.out, "job-006,25\n"));
    const auto bad = cli.run({"list", "--columns", "id,,status"});
    CHECK(bad.exit_code == 2);
    CHECK(bad.out.empty());
    CHECK(has(bad.err, "--columns"));
  }

  SECTION("--status filters, repeatable") {
    put_job(emulator, "job-new", kLabGroup);
    // Under the manual clock a new job starts at once and runs until the clock moves.
    const auto running = cli.run({"list", "--status", "running", "-o", "tsv", "--columns", "id"});
    CHECK(running.out == "job-new\n");
    const auto both =
        cli.run({"list", "-s", "running", "-s", "complete", "-o", "tsv", "--columns", "id"});
    CHECK(lines_of(both.out).size() == 3);
    const auto none = cli.run({"list", "--status", "stopped"});
    CHECK(none.exit_code == 0);
    CHECK(none.out.empty());
    CHECK(has(none.err, "No jobs with that status."));
    const auto wrong = cli.run({"list", "--status", "done"});
    CHECK(wrong.exit_code == 2);
  }
}

TEST_CASE("list pages through everything with --all and stops at --limit", "[e2e][list]") {
  EmulatorProcess emulator({"--manual-clock", "--page-size", "2"});
  Cli cli(emulator);
  for (int i = 0; i < 7; ++i) put_job(emulator, "job-" + std::to_string(i), kLabGroup);

  const auto all = cli.run({"list", "--all", "-o", "tsv", "--columns", "id"});
  CHECK(all.exit_code == 0);
  CHECK(lines_of(all.out).size() == 7);

  const auto limited = cli.run({"list", "--limit", "3", "-o", "json"});
  CHECK(Json::parse(limited.out).size() == 3);
  CHECK(limited.err.find("Showing the first 3 jobs") != std::string::npos);
  // -q keeps stderr for errors only.
  CHECK(cli.run({"list", "--limit", "3", "-q"}).err.empty());

  CHECK(cli.run({"list", "--limit", "3", "--all"}).exit_code == 2);
}

TEST_CASE("relative times are counted on the service's clock, not this machine's", "[e2e][list]") {
  // The emulator's manual clock is the service's clock: its Date header follows it.
  EmulatorProcess emulator({"--manual-clock"});
  Cli cli(emulator);
  put_job(emulator, "job-then", kLabGroup);  // starts now, by either clock
  advance_clock(emulator, "200m");
  put_job(emulator, "job-now", kThermostatsGroup);  // starts 3h20m ahead of this machine's clock
  const auto result = cli.run_tty({"list", "--columns", "id,start"});
  INFO(result.out);
  CHECK(result.exit_code == 0);
  CHECK(std::regex_search(result.out, std::regex("job-then +3h ago")));
  CHECK(std::regex_search(result.out, std::regex("job-now +just now")));
  CHECK_FALSE(has(result.out, "in 3h"));  // what this machine's clock would say
}

TEST_CASE("with -o json or jsonl, --columns selects members, keeping the API's nesting",
          "[e2e][list]") {
  EmulatorProcess emulator({"--manual-clock"});
  Cli cli(emulator);
  put_job(emulator, "job-1", kLabGroup);
  put_job(emulator, "job-2", kLabGroup);
  const auto json = cli.run({"show", "job-1", "-o", "json", "--columns", "id,progress.failed"});
  INFO(json.err);
  REQUIRE(json.exit_code == 0);
  const Json job = Json::parse(json.out);
  CHECK(job == Json{{"id", "job-1"}, {"progress", {{"failed", job["progress"]["failed"]}}}});
  CHECK(job["progress"]["failed"].is_number());

  const auto lines = cli.run({"list", "-o", "jsonl", "--columns", "id,status"});
  REQUIRE(lines.exit_code == 0);
  CHECK(lines_of(lines.out).size() == 2);
  for (const auto& line : lines_of(lines.out)) {
    const Json item = Json::parse(line);
    CHECK(item.size() == 2);
    CHECK(item.contains("id"));
    CHECK(item.contains("status"));
  }
}
