// Unknown members of a job file, level by level and per api-version: what the spec does not
// define is found with its path; read-only members and data[].value are never reported.

#include "model/job_members.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "model/job_json.hpp"

namespace iotc::testing {
namespace {

using model::ApiVersion;
using model::Json;

std::vector<std::string> unknown_paths(const Json& job, ApiVersion version) {
  std::vector<std::string> paths;
  for (const auto& unknown : model::unknown_members(job, version)) paths.push_back(unknown.path);
  return paths;
}

const Json kValid = Json::parse(R"({
  "displayName": "Set temperature", "description": "d", "group": "g",
  "batch": {"type": "percentage", "value": 25},
  "cancellationThreshold": {"type": "number", "value": 2, "batch": true},
  "data": [{"type": "property", "target": "dtmi:a", "path": "targetTemperature", "value": 56}]})");

}  // namespace

TEST_CASE("a job of the spec's members has no unknown member", "[model][members]") {
  for (const ApiVersion version : model::all_api_versions()) {
    CHECK(unknown_paths(kValid, version).empty());
  }
}

TEST_CASE("unknown members are found at every level, with their paths", "[model][members]") {
  Json job = kValid;
  job["cancelationThreshold"] = Json{{"type", "number"}, {"value", 1}};
  job["batch"]["vaule"] = 3;
  job["cancellationThreshold"]["perBatch"] = true;
  job["data"][0]["tagret"] = "dtmi:b";
  job["data"].push_back(
      {{"type", "deviceTemplateMigration"}, {"template", "dtmi:c"}, {"path", "x"}});
  const auto found = model::unknown_members(job, ApiVersion::v2022_07_31);
  REQUIRE(found.size() == 5);
  CHECK(found[0].path == "cancelationThreshold");
  CHECK(found[0].name == "cancelationThreshold");
  CHECK(found[1].path == "batch.vaule");
  CHECK(found[1].known.size() == 2);
  CHECK(found[2].path == "cancellationThreshold.perBatch");
  CHECK(found[3].path == "data[0].tagret");
  CHECK(found[3].name == "tagret");
  // A template migration has no path: the 2022 specs give each data type its own members.
  CHECK(found[4].path == "data[1].path");
}

TEST_CASE("read-only members are accepted: what show -o json printed is a job file",
          "[model][members]") {
  Json job = kValid;
  job["id"] = "job-1";
  job["status"] = "complete";
  job["progress"] = {{"total", 4}, {"anything", "is dropped"}};
  job["start"] = "2026-11-27T00:00:00Z";
  job["end"] = "2026-11-27T00:10:00Z";
  job["scheduledJobId"] = "nightly";
  job["etag"] = "\"1\"";  // a scheduled job's
  job["completed"] = false;
  for (const ApiVersion version : model::all_api_versions()) {
    INFO(model::to_string(version));
    CHECK(unknown_paths(job, version).empty());
  }
  // and none of them is sent
  model::Problems problems;
  const Json body =
      model::to_create_body(model::job_from_json(job, problems), ApiVersion::v2022_07_31);
  for (const char* read_only :
       {"id", "status", "progress", "start", "end", "scheduledJobId", "etag", "completed"}) {
    CHECK_FALSE(body.contains(read_only));
  }
}

TEST_CASE("data[].value is the device's own JSON, never looked into", "[model][members]") {
  Json job = kValid;
  job["data"][0]["value"] = Json::parse(R"({"anything": {"at": ["any", {"depth": 1}]}})");
  CHECK(unknown_paths(job, ApiVersion::v2022_07_31).empty());
}

TEST_CASE("the members are those of the api-version in use", "[model][members]") {
  Json manifest = kValid;
  manifest["data"] = Json::array({{{"type", "deviceManifestMigration"}, {"manifest", "m"}}});
  CHECK(unknown_paths(manifest, ApiVersion::v2022_10_31_preview).empty());
  // 2022-07-31 lacks the type itself: the validation says so, and its members are not judged.
  CHECK(unknown_paths(manifest, ApiVersion::v2022_07_31).empty());

  // The preview spec has one JobData with target, path and value, under either spelling.
  Json preview = kValid;
  preview["data"][0]["type"] = "PropertyJobData";
  CHECK(unknown_paths(preview, ApiVersion::preview).empty());
  preview["data"][0]["template"] = "dtmi:x";
  CHECK(unknown_paths(preview, ApiVersion::preview) ==
        std::vector<std::string>{"data[0].template"});
}

TEST_CASE("members of the wrong type and data of an unknown type are left to the validation",
          "[model][members]") {
  Json job = kValid;
  job["batch"] = "10";
  job["data"] = Json::array({5, {{"type", "frobnicate"}, {"whatever", 1}}});
  CHECK(unknown_paths(job, ApiVersion::v2022_07_31).empty());
  CHECK(unknown_paths(Json::array(), ApiVersion::v2022_07_31).empty());
}

}  // namespace iotc::testing
