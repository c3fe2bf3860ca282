// --state: jobs survive a restart and a kill -9; emulated time does not go back; a state file
// from a newer emulator is refused.
#include <sqlite3.h>

#include <catch2/catch.hpp>

#include "e2e_helpers.hpp"

using namespace iotc::testing;

TEST_CASE("jobs and their progress survive a clean restart") {
  TempDir dir;
  EmulatorProcess emulator({"--state", dir.file("state.db"), "--manual-clock"});
  REQUIRE(
      emulator.request("PUT", api("jobs/job-006", "preview"), seed_payload("job-006-put-body.json"))
          .status == 200);
  emulator.request("GET", api("jobs/job-006"));  // starts it
  advance_clock(emulator, "1s");
  auto before = emulator.request("GET", api("jobs/job-006")).body;
  REQUIRE(before["progress"]["completed"] == 9);
  REQUIRE(emulator.request("PUT", "/_emulator/devices/lab-01", Json{{"behavior", "slow"}}).status ==
          200);

  emulator.restart();
  auto after = emulator.request("GET", api("jobs/job-006")).body;
  CHECK(after == before);
  CHECK(emulator.request("GET", "/_emulator/devices/lab-01").body["behavior"] == "slow");
  advance_clock(emulator, "3s");
  CHECK(emulator.request("GET", api("jobs/job-006")).body["status"] == "complete");
}

TEST_CASE("a job acknowledged with 200 survives kill -9") {
  TempDir dir;
  EmulatorProcess emulator({"--state", dir.file("state.db")});
  for (int i = 0; i < 20; ++i) {
    REQUIRE(emulator
                .request("PUT", api("jobs/crash-" + std::to_string(i), "preview"),
                         seed_payload("job-006-put-body.json"))
                .status == 200);
  }
  emulator.kill9();
  emulator.restart();
  int pages = 0;
  auto jobs = collect_pages(emulator, api("jobs"), &pages);
  CHECK(jobs.size() == 20);
  CHECK(emulator.request("GET", api("jobs/crash-19")).status == 200);
}

TEST_CASE("a state file keeps its seed, the seed option only fills a new state") {
  TempDir dir;
  write_file(dir.file("seed.json"),
             R"({"groups": [{"id": "g1", "displayName": "One", "devices": [{"id": "d1"}]}]})");
  EmulatorProcess emulator({"--state", dir.file("state.db"), "--seed", dir.file("seed.json")});
  CHECK(emulator.request("GET", api("deviceGroups")).body["value"].size() == 1);
  emulator.restart();
  CHECK(emulator.request("GET", api("deviceGroups")).body["value"].size() == 1);
}

TEST_CASE("a state file from a newer emulator is refused with exit 1, never read") {
  TempDir dir;
  const std::string state = dir.file("state.db");
  { EmulatorProcess emulator({"--state", state}); }
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(state.c_str(), &db) == SQLITE_OK);
  const int set = sqlite3_exec(db, "UPDATE meta SET value = '999' WHERE key = 'schema_version'",
                               nullptr, nullptr, nullptr);
  const int changed = sqlite3_changes(db);
  sqlite3_close(db);
  REQUIRE(set == SQLITE_OK);
  REQUIRE(changed == 1);

  auto result = run_process({emulator_binary(), "--listen", "127.0.0.1:0", "--state", state}, {},
                            {}, std::chrono::seconds(30));
  CHECK(result.exit_code == 1);
  CHECK(result.out.empty());
  CHECK(result.err.rfind("iotc-jobs-emulator: error: " + state + " ", 0) == 0);
  CHECK(result.err.find("schema version 999") != std::string::npos);
}
