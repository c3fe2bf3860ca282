#include "cli/create_payload.hpp"
#include "cli/unknown_members.hpp"

#include <catch2/catch.hpp>

#include "errors.hpp"
#include "model/job_json.hpp"
#include "model/validation.hpp"

using namespace iotc::cli;
using Kind = DataFlag::Kind;

namespace {
const Json kSeedFile = Json::parse(R"({
  "id": "job-014",
  "displayName": "Set target temperature",
  "description": "Set target temperature for all thermostat devices",
  "group": "833d7a7d-8f99-4e04-9e56-745806bdba6e",
  "batch": {"type": "percentage", "value": 25},
  "cancellationThreshold": {"type": "percentage", "value": 10, "batch": false},
  "data": [{"type": "PropertyJobData", "target": "dtmi:modelDefinition:zomtmdxh:eqod32zbyl",
            "path": "targetTemperature", "value": "56"}],
  "status": "complete"
})");
}  // namespace

TEST_CASE("flags alone build a whole job", "[payload]") {
  PayloadFlags flags;
  flags.group = "thermostats";
  flags.name = "Set temperature";
  flags.batch = "25%";
  flags.cancel_threshold = "2";
  flags.threshold_per_batch = true;
  flags.data = {{Kind::target, "dtmi:a"},
                {Kind::set, "targetTemperature=56"},
                {Kind::call, "reboot"},
                {Kind::target, "dtmi:b"},
                {Kind::set_cloud, "Customer=Contoso"},
                {Kind::migrate_to, "dtmi:c"}};
  const Json document = build_job_document(std::nullopt, flags);
  CHECK(document == Json::parse(R"({
    "group": "thermostats", "displayName": "Set temperature",
    "batch": {"type": "percentage", "value": 25},
    "cancellationThreshold": {"type": "number", "value": 2, "batch": true},
    "data": [
      {"type": "property", "target": "dtmi:a", "path": "targetTemperature", "value": 56},
      {"type": "command", "target": "dtmi:a", "path": "reboot"},
      {"type": "cloudProperty", "target": "dtmi:b", "path": "Customer", "value": "Contoso"},
      {"type": "deviceTemplateMigration", "template": "dtmi:c"}
    ]})"));
}

TEST_CASE("flags override the fields of a job file", "[payload]") {
  PayloadFlags flags;
  flags.name = "Renamed";
  flags.batch = "5";
  const Json document = build_job_document(kSeedFile, flags);
  CHECK(document["displayName"] == "Renamed");
  CHECK(document["batch"] == Json{{"type", "number"}, {"value", 5}});
  CHECK(document["description"] == kSeedFile["description"]);
  CHECK(document["data"] == kSeedFile["data"]);

  flags.data = {{Kind::target, "dtmi:x"}, {Kind::set, "p=1"}};
  CHECK(build_job_document(kSeedFile, flags)["data"].size() == 1);
  CHECK(build_job_document(kSeedFile, flags)["data"][0]["target"] == "dtmi:x");
}

TEST_CASE("the seed payload becomes each api-version's create body", "[payload]") {
  using iotc::model::ApiVersion;
  for (auto [version, type] : {std::pair{ApiVersion::v2022_07_31, "property"},
                               std::pair{ApiVersion::v2022_10_31_preview, "property"},
                               std::pair{ApiVersion::preview, "PropertyJobData"}}) {
    const Json document = build_job_document(kSeedFile, {});
    iotc::model::Job job;
    const auto problems = iotc::model::check_job_payload(document, version, &job);
    CHECK(problems.empty());
    const Json body = iotc::model::to_create_body(job, version);
    CHECK(body["data"][0]["type"] == type);
    CHECK(body["data"][0]["value"] == "56");
    CHECK_FALSE(body.contains("status"));
    CHECK_FALSE(body.contains("id"));
  }
}

TEST_CASE("malformed data flags are usage errors", "[payload]") {
  CHECK_THROWS_WITH(data_from_flags({{Kind::set, "a=1"}}),
                    Catch::Contains("--set needs a --target"));
  CHECK_THROWS_WITH(data_from_flags({{Kind::target, "dtmi:a"}}), Catch::Contains("--target needs"));
  CHECK_THROWS_AS(data_from_flags({{Kind::target, "dtmi:a"}, {Kind::set_cloud, "x"}}),
                  iotc::UsageError);
  PayloadFlags flags;
  flags.threshold_per_batch = true;
  CHECK_THROWS_WITH(build_job_document(std::nullopt, flags),
                    Catch::Contains("--threshold-per-batch needs --cancel-threshold"));
  CHECK_NOTHROW(build_job_document(kSeedFile, flags));
  CHECK_THROWS_AS(build_job_document(Json(5), {}), iotc::UsageError);
}

TEST_CASE("payload: --organization sets the one organization", "[payload]") {
  PayloadFlags flags;
  flags.organization = "contoso-eu";
  CHECK(build_job_document(std::nullopt, flags)["organizations"] == Json::array({"contoso-eu"}));
}

TEST_CASE("an unknown member of a job file says what was probably meant", "[payload]") {
  Json file = kSeedFile;
  file.erase("cancellationThreshold");
  file["cancelationThreshold"] = {{"type", "percentage"}, {"value", 10}};
  file["data"][0]["tagret"] = "dtmi:x";
  file["priority"] = 1;
  const auto problems = unknown_member_problems(file, iotc::model::ApiVersion::v2022_07_31);
  REQUIRE(problems.size() == 3);
  CHECK(problems[0].to_string() ==
        "cancelationThreshold: unknown member in api-version 2022-07-31; did you mean "
        "'cancellationThreshold'?");
  // Nothing close: the members of that level are listed instead.
  CHECK(problems[1].to_string() ==
        "priority: unknown member in api-version 2022-07-31 (expected id, scheduledJobId, "
        "displayName, description, group, batch, cancellationThreshold, data, start, end, "
        "progress, status, organizations)");
  CHECK(problems[2].to_string() ==
        "data[0].tagret: unknown member in api-version 2022-07-31; did you mean 'target'?");
  // The seed file itself, read-only id and status included, is clean in every version.
  for (const auto version : iotc::model::all_api_versions()) {
    CHECK(unknown_member_problems(kSeedFile, version).empty());
  }
}

TEST_CASE("a bare array of job data is the job's data, and data flags over a file's data are said",
          "[payload]") {
  const Json content = kSeedFile["data"];
  PayloadFlags flags;
  flags.group = "thermostats";
  const Json document = build_job_document(content, flags);
  CHECK(document == Json{{"data", content}, {"group", "thermostats"}});
  CHECK_FALSE(replaced_data_note(content, flags));
  CHECK_FALSE(replaced_data_note(kSeedFile, flags));

  flags.data = {{Kind::target, "dtmi:a"}, {Kind::set, "x=1"}};
  CHECK(replaced_data_note(kSeedFile, flags) ==
        "note: the data flags replace the job file's data (1 item)");
  CHECK(replaced_data_note(Json::array({1, 2}), flags) ==
        "note: the data flags replace the job file's data (2 items)");
  CHECK_FALSE(replaced_data_note(std::nullopt, flags));
  CHECK_THROWS_WITH(build_job_document(Json("job"), flags),
                    Catch::Contains("a JSON object (a Job) or an array of job data"));
}
