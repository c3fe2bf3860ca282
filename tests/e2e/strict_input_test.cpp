// Strict input that still takes what the tool and the service print: a job shown as JSON is a
// job file, read-only members are dropped, and --allow-unknown-fields sends what the spec of the
// api-version lacks.

#include <catch2/catch.hpp>

#include "fixtures.hpp"

using namespace iotc::testing;
using iotc::model::Json;

TEST_CASE("what show -o json prints is a job file: its read-only members are dropped",
          "[e2e][strict]") {
  EmulatorProcess emulator({"--manual-clock"});
  Cli cli(emulator);
  for (const char* version : {"2022-07-31", "2022-10-31-preview", "preview"}) {
    INFO(version);
    const auto shown = cli.run({"show", "job-006", "-o", "json", "--api-version", version});
    REQUIRE(shown.exit_code == 0);
    const std::string copy = std::string("job-006-copy-") + version;
    const auto created = cli.run(
        {"create", copy, "--file", "-", "--api-version", version, "-o", "json"}, {}, shown.out);
    INFO(created.err);
    CHECK(created.exit_code == 0);
    const Json original = Json::parse(shown.out);
    const Json job = Json::parse(created.out);
    CHECK(job["id"] == copy);
    CHECK(job["data"] == original["data"]);
    CHECK(job["group"] == original["group"]);
  }
}

TEST_CASE("a scheduled job's etag and completed are accepted in a job file and never sent",
          "[e2e][strict]") {
  EmulatorProcess emulator({"--manual-clock"});
  Cli cli(emulator);
  const Json file = {
      {"id", "nightly"},
      {"etag", "\"3\""},
      {"completed", false},
      {"group", kLabGroup},
      {"data",
       Json::array({{{"type", "command"}, {"target", kThermostatTemplate}, {"path", "reboot"}}})}};
  const auto result =
      cli.run({"create", "job-from-schedule", "--file", "-", "--dry-run"}, {}, file.dump());
  INFO(result.err);
  CHECK(result.exit_code == 0);
  const Json body = Json::parse(lines_of(result.out).back());
  CHECK_FALSE(body.contains("etag"));
  CHECK_FALSE(body.contains("completed"));
  CHECK_FALSE(body.contains("id"));
}

TEST_CASE("--allow-unknown-fields sends members the api-version does not define", "[e2e][strict]") {
  EmulatorProcess emulator({"--manual-clock"});
  Cli cli(emulator);
  const Json file = {{"group", kLabGroup},
                     {"rolloutPolicy", {{"kind", "canary"}}},
                     {"data", Json::array({{{"type", "property"},
                                            {"target", kThermostatTemplate},
                                            {"path", "targetTemperature"},
                                            {"value", 56},
                                            {"priority", 1}}})}};
  const auto refused = cli.run({"create", "job-future", "--file", "-"}, {}, file.dump());
  CHECK(refused.exit_code == 2);
  CHECK(has(refused.err, "rolloutPolicy: unknown member in api-version 2022-07-31"));
  CHECK(has(refused.err, "data[0].priority: unknown member"));
  CHECK(emulator.request("GET", "/api/jobs/job-future?api-version=2022-07-31").status == 404);

  const auto dry =
      cli.run({"create", "job-future", "--file", "-", "--allow-unknown-fields", "--dry-run"}, {},
              file.dump());
  CHECK(dry.exit_code == 0);
  const Json body = Json::parse(lines_of(dry.out).back());
  CHECK(body["rolloutPolicy"] == file["rolloutPolicy"]);
  CHECK(body["data"][0]["priority"] == 1);

  const auto created =
      cli.run({"create", "job-future", "--file", "-", "--allow-unknown-fields"}, {}, file.dump());
  INFO(created.err);
  CHECK(created.exit_code == 0);
  CHECK(emulator.request("GET", "/api/jobs/job-future?api-version=2022-07-31").status == 200);
}
