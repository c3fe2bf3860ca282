// The seed document's payloads (preview spellings, values as strings and numbers) round-trip, and
// convert to the spelling of every api-version; a data type a version lacks is refused.

#include <catch2/catch.hpp>
#include <string>

#include "model/job_json.hpp"
#include "model/job_members.hpp"
#include "model/validation.hpp"
#include "shared_files.hpp"

namespace iotc::testing {
namespace {

using model::ApiVersion;
using model::JobDataType;
using model::Json;
using model::Problems;

model::Job read_job(const Json& json) {
  Problems problems;
  model::Job job = model::job_from_json(json, problems);
  INFO("reading problems: " << problems.size());
  CHECK(problems.empty());
  return job;
}

// Every job of a seed file: the file itself, or the items of a {"value": [...]} list.
std::vector<Json> seed_jobs(const Json& payload) {
  if (payload.contains("value")) return payload["value"].get<std::vector<Json>>();
  return {payload};
}

TEST_CASE("the seed payloads round-trip exactly in the preview api-version", "[model][seed]") {
  const auto dir = seed_dir();
  if (!shared_dir_available(dir, "IOTC_SEED_DIR")) return;
  const auto files = json_files(dir);
  REQUIRE(files.size() >= 6);
  for (const auto& file : files) {
    INFO("seed " << file.filename());
    const Json payload = read_json_file(file);
    const bool device_statuses = file.filename().string().find("devices") != std::string::npos;
    for (const Json& item : seed_jobs(payload)) {
      Problems problems;
      const Json written =
          device_statuses
              ? model::to_json(model::job_device_status_from_json(item, problems))
              : model::to_json(model::job_from_json(item, problems), ApiVersion::preview);
      CHECK(problems.empty());
      CHECK(written.dump(2) == item.dump(2));
      if (device_statuses) continue;
      CHECK(model::check_job_payload(item, ApiVersion::preview).empty());
      // Strict reading accepts them whole in every api-version: their read-only members (id,
      // status) are dropped, their preview type names read as the 2022 ones.
      for (const ApiVersion version : model::all_api_versions()) {
        CHECK(model::unknown_members(item, version).empty());
      }
    }
  }
}

TEST_CASE("the seed payloads keep their field values as typed", "[model][seed]") {
  const auto dir = seed_dir();
  if (!shared_dir_available(dir, "IOTC_SEED_DIR")) return;

  const model::Job job014 = read_job(read_json_file(dir / "job-014-payload.json"));
  REQUIRE(job014.batch.has_value());
  CHECK(job014.batch->type == model::Measure::percentage);
  CHECK(job014.batch->value == 25);
  REQUIRE(job014.cancellation_threshold.has_value());
  CHECK(job014.cancellation_threshold->type == model::Measure::percentage);
  CHECK(job014.cancellation_threshold->value == 10);
  CHECK(job014.cancellation_threshold->batch == false);
  REQUIRE(job014.data.size() == 1);
  CHECK(job014.data[0].type == JobDataType::property);
  CHECK(job014.data[0].value == Json("56"));  // a string, not the number 56
  CHECK(job014.status() == model::JobStatus::complete);

  const auto list = seed_jobs(read_json_file(dir / "jobs-list-response.json"));
  REQUIRE(list.size() == 3);
  const model::Job cloud = read_job(list[0]);
  CHECK(cloud.data.at(0).type == JobDataType::cloud_property);
  CHECK(cloud.data.at(0).value == Json("Contoso"));
  const model::Job property = read_job(list[1]);
  CHECK(property.data.at(0).value == Json(56));  // the number this time
  const model::Job command = read_job(list[2]);
  CHECK(command.data.at(0).type == JobDataType::command);
  CHECK(command.data.at(0).value == Json("2021-06-15T05:00:00.000Z"));  // a date stays a string

  const model::Job created = read_job(read_json_file(dir / "job-006-create-response.json"));
  CHECK(created.status() == model::JobStatus::pending);
}

// The seed payload with every data type name replaced by `version`'s spelling.
Json respelled(Json payload, ApiVersion version) {
  for (Json& data : payload["data"]) {
    const auto type = model::parse_job_data_type(data["type"].get<std::string>());
    data["type"] = std::string(*model::wire_name(type, version));
  }
  return payload;
}

TEST_CASE("the seed jobs convert to each api-version's spelling and back", "[model][seed]") {
  const auto dir = seed_dir();
  if (!shared_dir_available(dir, "IOTC_SEED_DIR")) return;
  std::vector<Json> jobs = seed_jobs(read_json_file(dir / "jobs-list-response.json"));
  jobs.push_back(read_json_file(dir / "job-014-payload.json"));

  for (const Json& original : jobs) {
    for (ApiVersion version : model::all_api_versions()) {
      INFO(original.value("id", "") << " in " << model::to_string(version));
      const Json written = model::to_json(read_job(original), version);
      CHECK(written.dump(2) == respelled(original, version).dump(2));
      // Reading the converted payload and writing it in preview gives the seed payload back.
      CHECK(model::to_json(read_job(written), ApiVersion::preview).dump(2) == original.dump(2));
      CHECK(model::check_job_payload(written, version).empty());
    }
  }
}

TEST_CASE("each data type has the wire name of its api-version", "[model][seed]") {
  using model::wire_name;
  CHECK(wire_name(JobDataType::property, ApiVersion::v2022_07_31) == "property");
  CHECK(wire_name(JobDataType::command, ApiVersion::v2022_10_31_preview) == "command");
  CHECK(wire_name(JobDataType::cloud_property, ApiVersion::v2022_07_31) == "cloudProperty");
  CHECK(wire_name(JobDataType::property, ApiVersion::preview) == "PropertyJobData");
  CHECK(wire_name(JobDataType::command, ApiVersion::preview) == "CommandJobData");
  CHECK(wire_name(JobDataType::cloud_property, ApiVersion::preview) == "CloudPropertyJobData");
  CHECK(wire_name(JobDataType::device_template_migration, ApiVersion::v2022_07_31) ==
        "deviceTemplateMigration");
  CHECK_FALSE(wire_name(JobDataType::device_template_migration, ApiVersion::preview));
  CHECK(wire_name(JobDataType::device_manifest_migration, ApiVersion::v2022_10_31_preview) ==
        "deviceManifestMigration");
  CHECK_FALSE(wire_name(JobDataType::device_manifest_migration, ApiVersion::v2022_07_31));
  CHECK_FALSE(wire_name(JobDataType::device_manifest_migration, ApiVersion::preview));

  for (const char* name : {"property", "PropertyJobData"}) {
    CHECK(model::parse_job_data_type(name) == JobDataType::property);
  }
  CHECK(model::parse_job_data_type("cloudProperty") == JobDataType::cloud_property);
  CHECK(model::parse_job_data_type("CloudPropertyJobData") == JobDataType::cloud_property);
  CHECK(model::parse_job_data_type("CommandJobData") == JobDataType::command);
  CHECK(model::parse_job_data_type("firmwareUpdate") == JobDataType::unknown);
}

}  // namespace
}  // namespace iotc::testing
