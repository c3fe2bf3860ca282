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
  put_job(emulator, "job-006", kThermostatsGroup);
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

// (A test name must not begin with "--": ctest hands it to Catch as an argument.)
TEST_CASE("create --allow-unknown-fields sends members the api-version does not define",
          "[e2e][strict]") {
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

TEST_CASE("a bare array of job data (az's --content) is a job file", "[e2e][strict]") {
  EmulatorProcess emulator({"--manual-clock"});
  Cli cli(emulator);
  const Json content = Json::array({{{"type", "PropertyJobData"},
                                     {"target", kThermostatTemplate},
                                     {"path", "targetTemperature"},
                                     {"value", 56}}});
  const auto result =
      cli.run({"create", "job-content", "--file", "-", "--group", kLabGroup, "-o", "json"}, {},
              content.dump());
  INFO(result.err);
  CHECK(result.exit_code == 0);
  const Json job = Json::parse(result.out);
  CHECK(job["group"] == kLabGroup);
  CHECK(job["data"][0]["path"] == "targetTemperature");
  CHECK(job["data"][0]["value"] == 56);
}

TEST_CASE("data flags that replace a job file's data say so on stderr", "[e2e][strict]") {
  EmulatorProcess emulator({"--manual-clock"});
  Cli cli(emulator);
  const std::string file = read_file(seed_payload_path("job-006-put-body.json"));
  const auto replaced =
      cli.run({"create", "job-replaced", "--file", "-", "--target", kThermostatTemplate, "--set",
               "targetTemperature=60", "-o", "json"},
              {}, file);
  INFO(replaced.err);
  CHECK(replaced.exit_code == 0);
  CHECK(has(replaced.err, "note: the data flags replace the job file's data (1 item)\n"));
  CHECK(Json::parse(replaced.out)["data"][0]["value"] == 60);
  // Without data flags the file's data is used, and nothing is said about it.
  const auto kept = cli.run({"create", "job-kept", "--file", "-", "-o", "json"}, {}, file);
  CHECK(kept.exit_code == 0);
  CHECK_FALSE(has(kept.err, "replace"));
  // --quiet silences the note with every other message.
  const auto quiet = cli.run({"create", "job-quiet", "--file", "-", "--target", kThermostatTemplate,
                              "--set", "targetTemperature=60", "-q"},
                             {}, file);
  CHECK(quiet.exit_code == 0);
  CHECK(quiet.err.empty());
}
