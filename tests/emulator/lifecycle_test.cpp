// The seed document's lifecycle, under each api-version's spelling: create job-006 (batch 25%,
// threshold 10%) -> list -> show -> devices -> stop -> resume -> rerun.
#include <catch2/catch.hpp>

#include "e2e_helpers.hpp"

using namespace iotc::testing;

namespace {

// The seed body with the data type spelled as `version` spells it.
Json job006_body(const std::string& version) {
  Json body = seed_payload("job-006-put-body.json");
  if (version != "preview") body["data"][0]["type"] = "property";
  return body;
}

}  // namespace

TEST_CASE("the seed lifecycle runs under every api-version") {
  const std::string version =
      GENERATE(as<std::string>(), "2022-07-31", "2022-10-31-preview", "preview");
  CAPTURE(version);
  const bool has_progress = version != "preview";
  const std::string type_name = version == "preview" ? "PropertyJobData" : "property";
  EmulatorProcess emulator({"--manual-clock", "--device-time", "1s"});

  // create
  auto created = emulator.request("PUT", api("jobs/job-006", version), job006_body(version));
  REQUIRE(created.status == 200);
  Json expected = seed_payload("job-006-create-response.json");
  CHECK(created.body["id"] == "job-006");
  CHECK(created.body["status"] == "pending");
  CHECK(created.body["group"] == expected["group"]);
  CHECK(created.body["batch"] == expected["batch"]);
  CHECK(created.body["cancellationThreshold"] == expected["cancellationThreshold"]);
  CHECK(created.body["data"][0]["type"] == type_name);
  CHECK(created.body["data"][0]["value"] == "55");
  CHECK(created.body.contains("progress") == has_progress);
  if (has_progress) CHECK(created.body["progress"]["total"] == 40);

  // list
  auto list = emulator.request("GET", api("jobs", version));
  REQUIRE(list.status == 200);
  REQUIRE(list.body["value"].size() == 1);
  CHECK(list.body["value"][0]["id"] == "job-006");

  // show: it took a free slot as soon as time was looked at
  auto shown = emulator.request("GET", api("jobs/job-006", version));
  REQUIRE(shown.status == 200);
  CHECK(shown.body["status"] == "running");
  CHECK(shown.body.contains("start") == has_progress);
  CHECK_FALSE(shown.body.contains("end"));

  // devices: the first batch (10 devices) settles after one device time
  advance_clock(emulator, "1s");
  auto devices = emulator.request("GET", api("jobs/job-006/devices", version));
  REQUIRE(devices.status == 200);
  REQUIRE(devices.body["value"].size() == 40);
  CHECK(devices.body["value"][0] == Json{{"id", "therm-01"}, {"status", "completed"}});
  CHECK(devices.body["value"][6] == Json{{"id", "therm-07"}, {"status", "failed"}});
  CHECK(devices.body["value"][10] == Json{{"id", "therm-11"}, {"status", "pending"}});

  // stop: devices stay pending while stopped
  auto stop = emulator.request("POST", api("jobs/job-006/stop", version));
  CHECK(stop.status == 204);
  CHECK(stop.text.empty());
  advance_clock(emulator, "1m");
  shown = emulator.request("GET", api("jobs/job-006", version));
  CHECK(shown.body["status"] == "stopped");
  if (has_progress) CHECK(shown.body["progress"]["pending"] == 30);

  // resume: back to running, then to the end (threshold 10% of 40 = 4 > 3 failures)
  auto resume = emulator.request("POST", api("jobs/job-006/resume", version));
  CHECK(resume.status == 204);
  CHECK(emulator.request("GET", api("jobs/job-006", version)).body["status"] == "running");
  advance_clock(emulator, "3s");
  shown = emulator.request("GET", api("jobs/job-006", version));
  CHECK(shown.body["status"] == "complete");
  if (has_progress) {
    CHECK(shown.body["progress"] ==
          Json{{"total", 40}, {"pending", 0}, {"completed", 37}, {"failed", 3}});
    CHECK(shown.body.contains("end"));
  }

  // rerun: a new job on the failed devices only
  auto rerun = emulator.request("PUT", api("jobs/job-006/rerun/job-006-rerun", version));
  REQUIRE(rerun.status == 200);
  CHECK(rerun.body["id"] == "job-006-rerun");
  CHECK(rerun.body["status"] == "pending");
  CHECK(rerun.body["group"] == expected["group"]);
  CHECK(rerun.body["data"][0]["type"] == type_name);
  auto rerun_devices = emulator.request("GET", api("jobs/job-006-rerun/devices", version));
  REQUIRE(rerun_devices.body["value"].size() == 3);
  CHECK(rerun_devices.body["value"][0]["id"] == "therm-07");
  CHECK(rerun_devices.body["value"][1]["id"] == "therm-23");
  CHECK(rerun_devices.body["value"][2]["id"] == "therm-38");
  // The same rerun again is answered with the same job; a taken id is a conflict.
  CHECK(emulator.request("PUT", api("jobs/job-006/rerun/job-006-rerun", version)).status == 200);
  CHECK(emulator.request("PUT", api("jobs/job-006/rerun/job-006", version)).status == 409);
  list = emulator.request("GET", api("jobs", version));
  REQUIRE(list.body["value"].size() == 2);
  CHECK(list.body["value"][0]["id"] == "job-006-rerun");  // newest first
}

TEST_CASE("a job created in one version reads in every other") {
  EmulatorProcess emulator({"--manual-clock"});
  REQUIRE(emulator.request("PUT", api("jobs/j1", "preview"), job006_body("preview")).status == 200);
  CHECK(emulator.request("GET", api("jobs/j1", "2022-07-31")).body["data"][0]["type"] ==
        "property");
  Json migration = {{"group", kThermostatsGroup},
                    {"data",
                     {{{"type", "deviceTemplateMigration"},
                       {"template", "dtmi:modelDefinition:bojo9tfju:yfvu5gv2vl"}}}}};
  REQUIRE(emulator.request("PUT", api("jobs/j2"), migration).status == 200);
  auto in_preview = emulator.request("GET", api("jobs/j2", "preview"));
  CHECK(in_preview.status == 200);
  CHECK(in_preview.body["data"][0]["type"] == "deviceTemplateMigration");
}
