// Request validation: 400 with the problems listed, 422 for unknown references, 409 for a taken id.
#include <catch2/catch.hpp>

#include "e2e_helpers.hpp"

using namespace iotc::testing;

namespace {

Json valid_job() {
  return {{"group", kThermostatsGroup},
          {"data",
           {{{"type", "property"},
             {"target", kThermostatTemplate},
             {"path", "targetTemperature"},
             {"value", 21}}}}};
}

std::string message(const EmulatorProcess::Response& r) {
  return r.body["error"]["message"].get<std::string>();
}

}  // namespace

TEST_CASE("a job without group and data lists both problems") {
  EmulatorProcess emulator;
  auto r = emulator.request("PUT", api("jobs/j"), Json{{"displayName", "x"}});
  CHECK(r.status == 400);
  CHECK(r.body["error"]["code"] == "InvalidJob");
  CHECK(r.headers.at("x-ms-error-code") == "InvalidJob");
  CHECK(message(r).find("group") != std::string::npos);
  CHECK(message(r).find("data") != std::string::npos);
}

TEST_CASE("bad batches, thresholds and data are refused with their paths") {
  EmulatorProcess emulator;
  Json job = valid_job();
  job["batch"] = {{"type", "percentage"}, {"value", 0}};
  job["cancellationThreshold"] = {{"type", "bananas"}, {"value", 5}};
  job["data"][0].erase("target");
  auto r = emulator.request("PUT", api("jobs/j"), job);
  CHECK(r.status == 400);
  CHECK(message(r).find("batch.value") != std::string::npos);
  CHECK(message(r).find("cancellationThreshold.type") != std::string::npos);
  CHECK(message(r).find("data[0].target") != std::string::npos);
  CHECK(emulator.request("GET", api("jobs/j")).status == 404);  // nothing was created
}

TEST_CASE("a data type the version lacks is refused") {
  EmulatorProcess emulator;
  Json job = {{"group", kThermostatsGroup},
              {"data", {{{"type", "deviceManifestMigration"}, {"manifest", "m1"}}}}};
  CHECK(emulator.request("PUT", api("jobs/j", "2022-07-31"), job).status == 400);
  CHECK(emulator.request("PUT", api("jobs/j", "2022-10-31-preview"), job).status == 200);
}

TEST_CASE("a body that is not JSON is a bad request") {
  EmulatorProcess emulator;
  auto r = emulator.request_raw(
      "PUT", api("jobs/j"), {{"Authorization", kTestToken}, {"Content-Type", "application/json"}},
      "{not json");
  CHECK(r.status == 400);
  CHECK(r.body["error"]["code"] == "BadRequest");
}

TEST_CASE("an invalid job id is refused") {
  EmulatorProcess emulator;
  auto r = emulator.request("PUT", api("jobs/bad.id"), valid_job());
  CHECK(r.status == 400);
  CHECK(r.body["error"]["code"] == "InvalidJob");
  CHECK(emulator.request("PUT", api("jobs/" + std::string(256, 'a')), valid_job()).status == 400);
  CHECK(emulator.request("PUT", api("jobs/" + std::string(255, 'a')), valid_job()).status == 200);
}

TEST_CASE("an unknown group or template is unprocessable") {
  EmulatorProcess emulator;
  Json job = valid_job();
  job["group"] = "no-such-group";
  auto r = emulator.request("PUT", api("jobs/j"), job);
  CHECK(r.status == 422);
  CHECK(r.body["error"]["code"] == "DeviceGroupNotFound");
  job = valid_job();
  job["data"][0]["target"] = "dtmi:no:such;1";
  r = emulator.request("PUT", api("jobs/j"), job);
  CHECK(r.status == 422);
  CHECK(r.body["error"]["code"] == "DeviceTemplateNotFound");
}

TEST_CASE("a taken job id: 409 by default, even for the same job again") {
  EmulatorProcess emulator({"--manual-clock"});
  REQUIRE(emulator.request("PUT", api("jobs/j"), valid_job()).status == 200);
  auto again = emulator.request("PUT", api("jobs/j"), valid_job());
  CHECK(again.status == 409);
  CHECK(again.body["error"]["code"] == "JobAlreadyExists");
  Json other = valid_job();
  other["displayName"] = "another";
  CHECK(emulator.request("PUT", api("jobs/j"), other).status == 409);
}

TEST_CASE("a taken job id with --duplicate-create idempotent: the same job again is 200, another 409") {
  EmulatorProcess emulator({"--manual-clock", "--duplicate-create", "idempotent"});
  REQUIRE(emulator.request("PUT", api("jobs/j"), valid_job()).status == 200);
  advance_clock(emulator, "1s");
  auto again = emulator.request("PUT", api("jobs/j"), valid_job());
  CHECK(again.status == 200);
  CHECK(again.body["status"] == "complete");  // the job as it is now, not a new one
  Json other = valid_job();
  other["displayName"] = "another";
  auto conflict = emulator.request("PUT", api("jobs/j"), other);
  CHECK(conflict.status == 409);
  CHECK(conflict.body["error"]["code"] == "JobAlreadyExists");
}

TEST_CASE("the option --duplicate-create takes only conflict or idempotent") {
  const auto result = run_process({emulator_binary(), "--duplicate-create", "sometimes"});
  CHECK(result.exit_code == 2);
  CHECK(result.err.find("--duplicate-create") != std::string::npos);
}

TEST_CASE("every answer carries a Date in emulated time") {
  EmulatorProcess emulator({"--manual-clock"});
  const auto before = emulator.request("GET", api("jobs"));
  REQUIRE(before.headers.count("date") == 1);
  advance_clock(emulator, "400d");
  const auto after = emulator.request("GET", api("jobs/none"));
  REQUIRE(after.headers.count("date") == 1);
  CHECK(after.headers.at("date") != before.headers.at("date"));
  // The error body's time is the same instant as the Date header.
  CHECK(after.body["error"]["time"] == after.headers.at("date"));
  const auto year_of = [](const std::string& date) { return std::stoi(date.substr(12, 4)); };
  CHECK(year_of(after.headers.at("date")) > year_of(before.headers.at("date")));
}

TEST_CASE("read-only and unknown members of a payload are dropped") {
  EmulatorProcess emulator;
  Json job = seed_payload("job-014-payload.json");  // carries id and status
  job["colour"] = "blue";
  auto r = emulator.request("PUT", api("jobs/other-id", "preview"), job);
  REQUIRE(r.status == 200);
  CHECK(r.body["id"] == "other-id");
  CHECK(r.body["status"] == "pending");
  CHECK_FALSE(r.body.contains("colour"));
}
