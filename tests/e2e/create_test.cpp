// iotc-jobs create: from flags, from a file or stdin, group by name, validation, dry run.

#include <catch2/catch.hpp>
#include <regex>

#include "fixtures.hpp"

using namespace iotc::testing;
using iotc::model::Json;

namespace {
Json jobs_on(const EmulatorProcess& emulator) {
  return emulator.request("GET", "/api/jobs?api-version=2022-07-31").body["value"];
}
}  // namespace

TEST_CASE("create from flags: the job the flags describe, created on the service",
          "[e2e][create]") {
  EmulatorProcess emulator({"--manual-clock"});
  Cli cli(emulator);
  const auto result = cli.run({"create",
                               "job-010",
                               "--group",
                               kThermostatsGroup,
                               "--target",
                               kThermostatTemplate,
                               "--set",
                               "targetTemperature=56",
                               "--call",
                               "getMaxMinReport=\"2021-06-15\"",
                               "--set-cloud",
                               "CustomerName=Contoso",
                               "--name",
                               "Three changes",
                               "--description",
                               "From flags",
                               "--batch",
                               "10",
                               "--cancel-threshold",
                               "5%",
                               "--threshold-per-batch"});
  INFO(result.err);
  CHECK(result.exit_code == 0);
  CHECK(result.err == "Created job job-010.\n");
  CHECK(std::regex_search(result.out, std::regex("^ID +job-010\n")));
  CHECK(std::regex_search(result.out, std::regex("\nCANCEL THRESHOLD +5% per batch\n")));

  const Json job = emulator.request("GET", "/api/jobs/job-010?api-version=2022-07-31").body;
  CHECK(job["displayName"] == "Three changes");
  CHECK(job["description"] == "From flags");
  CHECK(job["batch"] == Json{{"type", "number"}, {"value", 10}});
  CHECK(job["cancellationThreshold"] ==
        Json{{"type", "percentage"}, {"value", 5}, {"batch", true}});
  REQUIRE(job["data"].size() == 3);
  CHECK(job["data"][0] == Json{{"type", "property"},
                               {"target", kThermostatTemplate},
                               {"path", "targetTemperature"},
                               {"value", 56}});
  CHECK(job["data"][1]["type"] == "command");
  CHECK(job["data"][1]["value"] == "2021-06-15");
  CHECK(job["data"][2]["type"] == "cloudProperty");
  CHECK(job["data"][2]["value"] == "Contoso");
}

TEST_CASE("create finds a group by its display name", "[e2e][create]") {
  EmulatorProcess emulator({"--manual-clock"});
  Cli cli(emulator);
  const auto result = cli.run({"create", "job-lab", "--group", "Lab thermostats", "--target",
                               kThermostatTemplate, "--set", "targetTemperature=21", "-o", "json"});
  INFO(result.err);
  CHECK(result.exit_code == 0);
  CHECK(Json::parse(result.out)["group"] == kLabGroup);

  const auto unknown = cli.run({"create", "job-x", "--group", "Thermostatz", "--target",
                                kThermostatTemplate, "--set", "targetTemperature=21"});
  CHECK(unknown.exit_code == 3);
  CHECK(unknown.out.empty());
  CHECK(has(unknown.err,
            "no device group has the id or name 'Thermostatz'. Did you mean 'Thermostats'?"));
  CHECK(has(unknown.err, std::string("'Thermostats' (") + kThermostatsGroup + ")"));
  CHECK(jobs_on(emulator).size() == 1);
}

TEST_CASE("create with an unknown group id: exit 3 in every api-version, nothing created",
          "[e2e][create]") {
  EmulatorProcess emulator({"--manual-clock"});
  Cli cli(emulator);
  const std::string unknown_id = "00000000-1111-4222-8333-444444444444";
  for (const std::string version : {"2022-07-31", "2022-10-31-preview", "preview"}) {
    INFO(version);
    const auto result =
        cli.run({"create", "job-nogroup", "--group", unknown_id, "--target", kThermostatTemplate,
                 "--set", "targetTemperature=21", "--api-version", version});
    CHECK(result.exit_code == 3);
    CHECK(result.out.empty());
    CHECK(has(result.err, "iotc-jobs: error: "));
    CHECK(has(result.err, unknown_id));
    CHECK_FALSE(has(result.err, "Created"));
  }
  CHECK(jobs_on(emulator).empty());
  // Where the version can ask for the group (not preview), nothing is sent to create the job.
  int puts = 0;
  const auto log = emulator.request("GET", "/_emulator/requests");
  for (const auto& entry : log.body.at("value")) {
    puts += entry["method"] == "PUT" ? 1 : 0;
  }
  CHECK(puts == 1);  // preview's, refused with 422 DeviceGroupNotFound
}

TEST_CASE("create without an id makes one up and says which", "[e2e][create]") {
  EmulatorProcess emulator({"--manual-clock"});
  Cli cli(emulator);
  const auto result = cli.run({"create", "--group", kLabGroup, "--target", kThermostatTemplate,
                               "--set", "targetTemperature=21", "-o", "tsv", "--columns", "id"});
  CHECK(result.exit_code == 0);
  const std::regex generated("job-\\d{8}-\\d{6}-[a-z0-9]{4}");
  CHECK(std::regex_match(result.out.substr(0, result.out.size() - 1), generated));
  CHECK(result.err == "Created job " + result.out.substr(0, result.out.size() - 1) + ".\n");
}

TEST_CASE("the seed document's payloads work unchanged as job files in every api-version",
          "[e2e][create]") {
  EmulatorProcess emulator({"--manual-clock"});
  Cli cli(emulator);
  for (const auto& [version, type] : {std::pair<std::string, std::string>{"2022-07-31", "property"},
                                      {"2022-10-31-preview", "property"},
                                      {"preview", "PropertyJobData"}}) {
    const std::string id = "job-006-" + std::to_string(std::hash<std::string>{}(version) % 1000);
    const auto result = cli.run({"create", id, "--file", seed_payload_path("job-006-put-body.json"),
                                 "--api-version", version, "-o", "json"});
    INFO(version << ": " << result.err);
    CHECK(result.exit_code == 0);
    const Json job = Json::parse(result.out);
    CHECK(job["data"][0]["type"] == type);
    CHECK(job["data"][0]["value"] == "55");
    CHECK(job["batch"] == Json{{"type", "percentage"}, {"value", 25}});
  }
  // The id comes from the file when it has one (job-014-payload.json says "job-014").
  const auto from_file =
      cli.run({"create", "--file", seed_payload_path("job-014-payload.json"), "-q"});
  CHECK(from_file.exit_code == 0);
  CHECK(from_file.err.empty());
  CHECK(emulator.request("GET", "/api/jobs/job-014?api-version=2022-07-31").status == 200);
}

TEST_CASE("create --file - reads stdin, and flags override the file", "[e2e][create]") {
  EmulatorProcess emulator({"--manual-clock"});
  Cli cli(emulator);
  const std::string body = read_file(seed_payload_path("job-006-put-body.json"));
  const auto result = cli.run({"create", "job-stdin", "--file", "-", "--name", "Renamed", "--group",
                               "Lab thermostats", "--batch", "50%", "-o", "json"},
                              {}, body);
  INFO(result.err);
  CHECK(result.exit_code == 0);
  const Json job = Json::parse(result.out);
  CHECK(job["displayName"] == "Renamed");
  CHECK(job["group"] == kLabGroup);
  CHECK(job["batch"]["value"] == 50);
  CHECK(job["description"] == "Set target temperature device property");
}

TEST_CASE("an invalid job is refused before anything is sent, with every problem listed",
          "[e2e][create]") {
  EmulatorProcess emulator({"--manual-clock"});
  Cli cli(emulator);
  emulator.request("DELETE", "/_emulator/requests");
  const auto result = cli.run(
      {"create", "job-bad", "--batch", "0%", "--cancel-threshold", "150%", "--organization", ""});
  CHECK(result.exit_code == 2);
  CHECK(result.out.empty());
  CHECK(has(result.err, "nothing was sent"));
  CHECK(has(result.err, "\n  group: required"));
  CHECK(has(result.err, "\n  batch.value: a percentage must be more than 0 and at most 100"));
  CHECK(has(result.err, "\n  cancellationThreshold.value:"));
  CHECK(has(result.err, "\n  data"));
  CHECK(jobs_on(emulator).empty());

  const auto bad_id = cli.run({"create", "job with spaces", "--group", kLabGroup, "--target",
                               kThermostatTemplate, "--set", "a=1"});
  CHECK(bad_id.exit_code == 2);
  CHECK(has(bad_id.err, "letters, digits"));
  const auto order = cli.run({"create", "--group", kLabGroup, "--set", "a=1"});
  CHECK(order.exit_code == 2);
  CHECK(has(order.err, "--set needs a --target"));
  const auto migration = cli.run(
      {"create", "--group", kLabGroup, "--migrate-to", "dtmi:x:y;1", "--api-version", "preview"});
  CHECK(migration.exit_code == 2);
  CHECK(has(migration.err, "not available in api-version preview"));
  const auto not_json = cli.run({"create", "--file", "-"}, {}, "{ nope");
  CHECK(not_json.exit_code == 2);
  CHECK(has(not_json.err, "not valid JSON"));
  CHECK(jobs_on(emulator).empty());
}

TEST_CASE("create --dry-run prints the exact request with the token redacted and writes nothing",
          "[e2e][create]") {
  EmulatorProcess emulator({"--manual-clock"});
  Cli cli(emulator);
  const auto result = cli.run({"create", "job-dry", "--group", kLabGroup, "--target",
                               kThermostatTemplate, "--set", "targetTemperature=56", "--dry-run"});
  CHECK(result.exit_code == 0);
  const auto lines = lines_of(result.out);
  REQUIRE(lines.size() > 3);
  CHECK(lines[0] == "PUT " + emulator.base_url() + "/api/jobs/job-dry?api-version=2022-07-31");
  CHECK(has(result.out, "\nAuthorization: SharedAccessSignature [REDACTED]\n"));
  CHECK_FALSE(has(result.out, "test-signature"));
  CHECK_FALSE(has(result.err, "test-signature"));
  const Json body = Json::parse(lines.back());
  CHECK(body["group"] == kLabGroup);
  CHECK(body["data"][0]["value"] == 56);
  CHECK(jobs_on(emulator).empty());

  const auto by_name = cli.run({"create", "job-dry", "--group", "Lab thermostats", "--target",
                                kThermostatTemplate, "--set", "targetTemperature=56", "--dry-run"});
  CHECK(by_name.exit_code == 0);
  CHECK(Json::parse(lines_of(by_name.out).back())["group"] == kLabGroup);
  CHECK(has(by_name.err, "job job-dry would run on "));
  CHECK(has(by_name.err, " devices of group " + std::string(kLabGroup)));
  CHECK(jobs_on(emulator).empty());
}

TEST_CASE("create --dry-run shows each value with the type it will have on the wire",
          "[e2e][create]") {
  EmulatorProcess emulator({"--manual-clock"});
  Cli cli(emulator);
  const auto result = cli.run(
      {"create", "job-typed", "--group", kLabGroup, "--target", kThermostatTemplate, "--set",
       "targetTemperature=56", "--set", R"(firmware="1.10")", "--set", "firmwareVersion=1.2.3",
       "--set-cloud", R"(limits={"max":80})", "--call", "reboot", "--dry-run"});
  INFO(result.err);
  CHECK(result.exit_code == 0);
  CHECK(has(result.err,
            "values as they will be sent:\n"
            "  data[0] targetTemperature = 56 (a number)\n"
            "  data[1] firmware = \"1.10\" (a string)\n"
            "  data[2] firmwareVersion = \"1.2.3\" (a string)\n"
            "  data[3] limits = {\"max\":80} (an object)\n"));
  CHECK_FALSE(has(result.err, "reboot"));  // a command without a value has nothing to type
  const Json body = Json::parse(lines_of(result.out).back());
  CHECK(body["data"][1]["value"] == "1.10");
  CHECK(jobs_on(emulator).empty());
}

TEST_CASE("create --from copies a job onto another group under a new id", "[e2e][create]") {
  EmulatorProcess emulator({"--manual-clock"});
  Cli cli(emulator);
  REQUIRE(cli.run({"create", "job-src", "--group", kThermostatsGroup, "--target",
                   kThermostatTemplate, "--set", "targetTemperature=56", "--batch", "10%"})
              .exit_code == 0);
  const auto copy = cli.run(
      {"create", "job-copy", "--from", "job-src", "--group", "Lab thermostats", "-o", "json"});
  INFO(copy.err);
  REQUIRE(copy.exit_code == 0);
  const Json job = Json::parse(copy.out);
  CHECK(job["id"] == "job-copy");
  CHECK(job["group"] == kLabGroup);
  CHECK(job["batch"] == Json{{"type", "percentage"}, {"value", 10}});
  CHECK(job["data"][0]["value"] == 56);

  const auto missing = cli.run({"create", "job-copy-2", "--from", "no-such-job"});
  CHECK(missing.exit_code == 3);
  CHECK(emulator.request("GET", "/api/jobs/job-copy-2?api-version=2022-07-31").status == 404);
}
