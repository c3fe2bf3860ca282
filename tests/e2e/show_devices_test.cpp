// iotc-jobs show and devices.

#include <catch2/catch.hpp>
#include <regex>

#include "fixtures.hpp"

using namespace iotc::testing;
using iotc::model::Json;

TEST_CASE("show prints one job: fields for people, the service's JSON for scripts", "[e2e][show]") {
  EmulatorProcess emulator({"--manual-clock"});
  Cli cli(emulator);
  put_job(emulator, "job-006", kThermostatsGroup);
  advance_clock(emulator, "1h");

  const auto table = cli.run({"show", "job-006"});
  CHECK(table.exit_code == 0);
  CHECK(table.err.empty());
  CHECK(std::regex_search(table.out, std::regex("^ID +job-006\n")));
  CHECK(std::regex_search(table.out, std::regex("\nSTATUS +complete\n")));
  CHECK(std::regex_search(table.out, std::regex("\nPROGRESS +40/40, 3 failed\n")));
  CHECK(std::regex_search(table.out, std::regex("\nBATCH +25%\n")));
  // Tables name the group; its id stays in group.id and in the machine formats.
  CHECK(std::regex_search(table.out, std::regex("\nGROUP +Thermostats\n")));
  CHECK(cli.run({"show", "job-006", "--columns", "group.id"}).out.find(kThermostatsGroup) !=
        std::string::npos);

  const auto served = emulator.request("GET", "/api/jobs/job-006?api-version=2022-07-31").body;
  CHECK(cli.json({"show", "job-006"}) == served);
  CHECK(Json::parse(cli.run({"show", "job-006", "-o", "jsonl"}).out) == served);
  CHECK(cli.run({"show", "job-006", "-o", "tsv", "--columns", "status,progress.failed"}).out ==
        "complete\t3\n");
  const auto csv = lines_of(cli.run({"show", "job-006", "-o", "csv"}).out);
  REQUIRE(csv.size() == 2);
  CHECK(csv[0] == "id,displayName,status,progress,start,data");

  const auto tty = cli.run_tty({"show", "job-006"});
  CHECK(has(tty.out, "\x1b[32mcomplete"));

  const auto missing = cli.run({"show", "job-nope"});
  CHECK(missing.exit_code == 3);
  CHECK(missing.out.empty());
  CHECK(has(missing.err, "iotc-jobs: error:"));
  CHECK(has(missing.err, "job-nope"));
}

TEST_CASE("devices lists every device, filters by status and sums up", "[e2e][devices]") {
  EmulatorProcess emulator({"--manual-clock", "--page-size", "7"});
  Cli cli(emulator);
  put_job(emulator, "job-006", kThermostatsGroup);
  advance_clock(emulator, "1h");

  const auto table = cli.run({"devices", "job-006"});
  CHECK(table.exit_code == 0);
  const auto lines = lines_of(table.out);
  REQUIRE(lines.size() == 41);  // a header and 40 devices, over 6 pages
  CHECK(std::regex_match(lines[0], std::regex("DEVICE +STATUS")));

  const auto failed = cli.run({"devices", "job-006", "--status", "failed", "-o", "tsv"});
  CHECK(failed.out == "therm-07\tfailed\ntherm-23\tfailed\ntherm-38\tfailed\n");
  CHECK(Json::parse(cli.run({"devices", "job-006", "-o", "json", "-s", "failed"}).out).size() == 3);
  CHECK(lines_of(cli.run({"devices", "job-006", "-o", "jsonl"}).out).size() == 40);
  CHECK(lines_of(cli.run({"devices", "job-006", "-o", "csv"}).out).at(0) == "id,status");

  const auto summary = cli.run({"devices", "job-006", "--summary"});
  CHECK(std::regex_search(summary.out,
                          std::regex("^TOTAL +40\nPENDING +0\nCOMPLETED +37\nFAILED +3\n$")));
  CHECK(cli.json({"devices", "job-006", "--summary"}) ==
        Json{{"total", 40}, {"pending", 0}, {"completed", 37}, {"failed", 3}});
  CHECK(cli.run({"devices", "job-006", "--summary", "-o", "csv"}).out ==
        "total,pending,completed,failed\n40,0,37,3\n");
  CHECK(cli.run({"devices", "job-006", "--summary", "-o", "tsv"}).out == "40\t0\t37\t3\n");

  const auto coloured = cli.run_tty({"devices", "job-006", "-s", "failed"});
  CHECK(has(coloured.out, "\x1b[31mfailed"));

  CHECK(cli.run({"devices", "job-nope"}).exit_code == 3);
  CHECK(cli.run({"devices", "job-006", "--status", "done"}).exit_code == 2);
}

TEST_CASE("the preview api-version has no progress: show and devices still work", "[e2e][show]") {
  EmulatorProcess emulator({"--manual-clock"});
  Cli cli(emulator);
  put_job(emulator, "job-004", kLabGroup);
  advance_clock(emulator, "1h");
  const Env preview{{"IOTC_API_VERSION", "preview"}};
  const auto json = Json::parse(cli.run({"show", "job-004", "-o", "json"}, preview).out);
  CHECK(json["data"][0]["type"] == "PropertyJobData");
  CHECK_FALSE(json.contains("progress"));
  const auto table = cli.run({"show", "job-004"}, preview);
  CHECK(table.exit_code == 0);
  CHECK_FALSE(has(table.out, "PROGRESS"));
  CHECK(cli.run({"devices", "job-004", "--summary", "-o", "tsv"}, preview).out == "10\t0\t10\t0\n");
}
