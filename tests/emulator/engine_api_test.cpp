// The job engine's rules seen through the API, on the manual clock.
#include <catch2/catch.hpp>
#include <thread>

#include "e2e_helpers.hpp"

using namespace iotc::testing;

namespace {

Json property_job(const std::string& group, Json extra = Json::object()) {
  Json job = {{"group", group},
              {"data",
               {{{"type", "property"},
                 {"target", kThermostatTemplate},
                 {"path", "targetTemperature"},
                 {"value", 21}}}}};
  job.update(extra);
  return job;
}

std::string status_of(const EmulatorProcess& emulator, const std::string& id) {
  return emulator.request("GET", api("jobs/" + id)).body["status"].get<std::string>();
}

}  // namespace

TEST_CASE("at most 5 jobs run at once, the others wait pending") {
  EmulatorProcess emulator({"--manual-clock"});
  for (int i = 1; i <= 7; ++i) {
    auto r = emulator.request("PUT", api("jobs/job-" + std::to_string(i)), property_job(kLabGroup));
    REQUIRE(r.status == 200);
    advance_clock(emulator, "10ms");  // creation order is queue order
  }
  int running = 0, pending = 0;
  auto list = emulator.request("GET", api("jobs"));
  for (const auto& job : list.body["value"]) {
    running += job["status"] == "running";
    pending += job["status"] == "pending";
  }
  CHECK(running == 5);
  CHECK(pending == 2);
  CHECK(status_of(emulator, "job-6") == "pending");
  advance_clock(emulator, "1s");
  CHECK(status_of(emulator, "job-1") == "complete");
  CHECK(status_of(emulator, "job-6") == "running");
  CHECK(status_of(emulator, "job-7") == "running");
  advance_clock(emulator, "1s");
  CHECK(status_of(emulator, "job-7") == "complete");
}

TEST_CASE("the cancellation threshold cancels the job and leaves the rest pending") {
  EmulatorProcess emulator({"--manual-clock"});
  // The first batch (therm-01..25) holds 2 failing devices: 2 > 1.
  Json threshold = {{"type", "number"}, {"value", 1}};
  auto r = emulator.request(
      "PUT", api("jobs/cancel-me"),
      property_job(kThermostatsGroup, {{"batch", {{"type", "number"}, {"value", 25}}},
                                       {"cancellationThreshold", threshold}}));
  REQUIRE(r.status == 200);
  advance_clock(emulator, "10s");
  auto job = emulator.request("GET", api("jobs/cancel-me")).body;
  CHECK(job["status"] == "cancelled");
  CHECK(job["progress"] == Json{{"total", 40}, {"pending", 15}, {"completed", 23}, {"failed", 2}});
  CHECK(job.contains("end"));
}

TEST_CASE("a device set to fail through the admin API fails in the next job") {
  EmulatorProcess emulator({"--manual-clock"});
  auto set = emulator.request("PUT", "/_emulator/devices/lab-03", Json{{"behavior", "fails"}});
  REQUIRE(set.status == 200);
  CHECK(set.body["behavior"] == "fails");
  REQUIRE(emulator.request("PUT", api("jobs/j"), property_job(kLabGroup)).status == 200);
  advance_clock(emulator, "1s");
  auto job = emulator.request("GET", api("jobs/j")).body;
  CHECK(job["status"] == "complete");
  CHECK(job["progress"]["failed"] == 1);
  CHECK(emulator.request("PUT", "/_emulator/devices/nobody", Json{{"behavior", "fails"}}).status ==
        404);
  CHECK(emulator.request("PUT", "/_emulator/devices/lab-03", Json{{"behavior", "x"}}).status ==
        400);
}

// As the official example shows (2022-07-31 scheduledjobs_list_jobs.json: status "complete",
// progress {total 1, completed 0, failed 1}).
TEST_CASE("every device failing still ends the job complete, with every device counted failed") {
  EmulatorProcess emulator({"--manual-clock"});
  for (int i = 1; i <= 10; ++i) {
    char id[16];
    std::snprintf(id, sizeof id, "lab-%02d", i);
    REQUIRE(
        emulator
            .request("PUT", std::string("/_emulator/devices/") + id, Json{{"behavior", "fails"}})
            .status == 200);
  }
  REQUIRE(emulator.request("PUT", api("jobs/j"), property_job(kLabGroup)).status == 200);
  advance_clock(emulator, "1s");
  const auto job = emulator.request("GET", api("jobs/j")).body;
  CHECK(job["status"] == "complete");
  CHECK(job["progress"] == Json{{"total", 10}, {"pending", 0}, {"completed", 0}, {"failed", 10}});
  CHECK(job.contains("end"));
}

TEST_CASE("slow and offline devices") {
  EmulatorProcess emulator({"--manual-clock", "--slow-time", "5s"});
  REQUIRE(emulator.request("PUT", "/_emulator/devices/lab-01", Json{{"behavior", "slow"}}).status ==
          200);
  REQUIRE(
      emulator.request("PUT", "/_emulator/devices/lab-02", Json{{"behavior", "offline"}}).status ==
      200);
  REQUIRE(emulator.request("PUT", api("jobs/j"), property_job(kLabGroup)).status == 200);
  advance_clock(emulator, "1s");
  auto job = emulator.request("GET", api("jobs/j")).body;
  CHECK(job["status"] == "running");
  CHECK(job["progress"]["completed"] == 8);
  advance_clock(emulator, "4s");
  job = emulator.request("GET", api("jobs/j")).body;
  CHECK(job["status"] == "complete");
  CHECK(job["progress"] == Json{{"total", 10}, {"pending", 1}, {"completed", 9}, {"failed", 0}});
}

TEST_CASE("stop, resume and rerun refuse jobs in the wrong state") {
  EmulatorProcess emulator({"--manual-clock"});
  REQUIRE(emulator.request("PUT", api("jobs/j"), property_job(kLabGroup)).status == 200);
  // A running job cannot be rerun yet; stopping twice is fine; resuming a running job is fine.
  CHECK(emulator.request("PUT", api("jobs/j/rerun/r")).status == 422);
  CHECK(emulator.request("POST", api("jobs/j/resume")).status == 204);
  CHECK(emulator.request("POST", api("jobs/j/stop")).status == 204);
  CHECK(emulator.request("POST", api("jobs/j/stop")).status == 204);
  CHECK(emulator.request("POST", api("jobs/j/resume")).status == 204);
  advance_clock(emulator, "1s");
  REQUIRE(status_of(emulator, "j") == "complete");
  auto stop = emulator.request("POST", api("jobs/j/stop"));
  CHECK(stop.status == 422);
  CHECK(stop.body["error"]["code"] == "InvalidJobState");
  CHECK(emulator.request("POST", api("jobs/j/resume")).status == 422);
  auto rerun = emulator.request("PUT", api("jobs/j/rerun/r"));
  CHECK(rerun.status == 422);
  CHECK(rerun.body["error"]["code"] == "NoFailedDevices");
  CHECK(emulator.request("PUT", api("jobs/j/rerun/bad%20id")).status == 400);
  for (const auto& [method, path] :
       std::vector<std::pair<std::string, std::string>>{{"GET", "jobs/none"},
                                                        {"GET", "jobs/none/devices"},
                                                        {"POST", "jobs/none/stop"},
                                                        {"POST", "jobs/none/resume"},
                                                        {"PUT", "jobs/none/rerun/x"}}) {
    auto r = emulator.request(method, api(path));
    CHECK(r.status == 404);
    CHECK(r.body["error"]["code"] == "JobNotFound");
  }
}

TEST_CASE("reset deletes the jobs and restores the seed's behaviors") {
  EmulatorProcess emulator({"--manual-clock"});
  REQUIRE(
      emulator.request("PUT", "/_emulator/devices/lab-01", Json{{"behavior", "fails"}}).status ==
      200);
  REQUIRE(emulator.request("PUT", api("jobs/j"), property_job(kLabGroup)).status == 200);
  CHECK(emulator.request("POST", "/_emulator/reset").status == 204);
  CHECK(emulator.request("GET", api("jobs")).body["value"].empty());
  CHECK(emulator.request("GET", "/_emulator/devices/lab-01").body["behavior"] == "succeeds");
}

TEST_CASE("the real clock runs jobs at --time-scale") {
  EmulatorProcess emulator({"--time-scale", "100"});
  REQUIRE(emulator.request("PUT", api("jobs/j"), property_job(kLabGroup)).status == 200);
  auto clock = emulator.request("GET", "/_emulator/clock").body;
  CHECK(clock["manual"] == false);
  CHECK(clock["timeScale"] == 100.0);
  std::string status;
  for (int i = 0; i < 200 && status != "complete"; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    status = status_of(emulator, "j");
  }
  CHECK(status == "complete");
}
