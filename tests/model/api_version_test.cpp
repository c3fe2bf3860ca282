// What differs between the api-versions: their names, the fields they carry, and the job data
// types each one lacks (refused when writing, reported by validate).

#include <catch2/catch.hpp>
#include <string>

#include "model/job_json.hpp"
#include "model/validation.hpp"

namespace iotc::testing {
namespace {

using namespace iotc::model;

TEST_CASE("api-versions parse from and print to their wire names", "[model][api-version]") {
  for (ApiVersion version : all_api_versions()) {
    CHECK(parse_api_version(to_string(version)) == version);
  }
  CHECK(all_api_versions().size() == 3);
  CHECK(parse_api_version("2021-04-30-preview") == std::nullopt);  // the wire says "preview"
  CHECK(parse_api_version("2099-01-01") == std::nullopt);
  CHECK(parse_api_version("") == std::nullopt);
  CHECK(api_version_list() == "2022-07-31, 2022-10-31-preview, preview");
  CHECK(kDefaultApiVersion == ApiVersion::v2022_07_31);
}

TEST_CASE("api-versions differ in progress, maxpagesize and organizations",
          "[model][api-version]") {
  CHECK(has_progress(ApiVersion::v2022_07_31));
  CHECK(has_progress(ApiVersion::v2022_10_31_preview));
  CHECK_FALSE(has_progress(ApiVersion::preview));
  CHECK(has_maxpagesize(ApiVersion::v2022_10_31_preview));
  CHECK_FALSE(has_maxpagesize(ApiVersion::v2022_07_31));
  CHECK_FALSE(has_maxpagesize(ApiVersion::preview));
  CHECK(has_organizations(ApiVersion::v2022_07_31));
  CHECK_FALSE(has_organizations(ApiVersion::preview));
}

Job job_with(const Json& data) {
  Problems problems;
  Job job = job_from_json(
      Json{{"group", "833d7a7d-8f99-4e04-9e56-745806bdba6e"}, {"data", Json::array({data})}},
      problems);
  REQUIRE(problems.empty());
  return job;
}

// True when validate reports a problem on data[0].type.
bool type_reported(const Job& job, ApiVersion version) {
  for (const Problem& problem : validate(job, version)) {
    if (problem.path == "data[0].type") return true;
  }
  return false;
}

TEST_CASE("a data type the api-version lacks is refused when writing and reported by validate",
          "[model][api-version]") {
  const Job migration = job_with({{"type", "deviceTemplateMigration"},
                                  {"template", "dtmi:modelDefinition:zomtmdxh:eqod32zbyl"}});
  CHECK(migration.data.at(0).type == JobDataType::device_template_migration);
  CHECK(migration.data.at(0).template_id == "dtmi:modelDefinition:zomtmdxh:eqod32zbyl");
  CHECK_THROWS_AS(to_json(migration, ApiVersion::preview), UnsupportedInVersion);
  CHECK_THROWS_AS(to_create_body(migration, ApiVersion::preview), UnsupportedInVersion);
  CHECK(type_reported(migration, ApiVersion::preview));
  for (ApiVersion version : {ApiVersion::v2022_07_31, ApiVersion::v2022_10_31_preview}) {
    CHECK(to_json(migration, version)["data"][0]["type"] == "deviceTemplateMigration");
    CHECK(validate(migration, version).empty());
  }

  const Job manifest =
      job_with({{"type", "deviceManifestMigration"}, {"manifest", "my-edge-manifest"}});
  CHECK(manifest.data.at(0).type == JobDataType::device_manifest_migration);
  CHECK(manifest.data.at(0).manifest == "my-edge-manifest");
  for (ApiVersion version : {ApiVersion::v2022_07_31, ApiVersion::preview}) {
    INFO(to_string(version));
    CHECK_THROWS_AS(to_json(manifest, version), UnsupportedInVersion);
    CHECK_THROWS_AS(to_create_body(manifest, version), UnsupportedInVersion);
    CHECK(type_reported(manifest, version));
  }
  CHECK(to_json(manifest, ApiVersion::v2022_10_31_preview)["data"][0]["type"] ==
        "deviceManifestMigration");
  CHECK(validate(manifest, ApiVersion::v2022_10_31_preview).empty());
}

TEST_CASE("the create body leaves out the members the service sets itself", "[model][json]") {
  Problems problems;
  const Job job = job_from_json(Json::parse(R"({
    "id": "job-1", "displayName": "Reboot", "group": "g1",
    "data": [{"type": "command", "target": "dtmi:a:b", "path": "reboot", "value": null}],
    "start": "2026-11-27T10:00:00Z", "progress": {"total": 4, "pending": 4, "completed": 0,
    "failed": 0}, "status": "running"})"),
                                problems);
  REQUIRE(problems.empty());
  const Json body = to_create_body(job, ApiVersion::v2022_07_31);
  CHECK(body.dump() ==
        R"({"displayName":"Reboot","group":"g1","data":[{"type":"command","target":"dtmi:a:b",)"
        R"("path":"reboot","value":null}]})");
  CHECK(to_create_body(job, ApiVersion::preview)["data"][0]["type"] == "CommandJobData");
}

}  // namespace
}  // namespace iotc::testing
