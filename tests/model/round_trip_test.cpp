// Raw output never loses what the service sent: unknown members and statuses survive a round
// trip, and reading a document of the wrong shape reports problems instead of throwing.

#include <catch2/catch.hpp>
#include <string>

#include "model/job_json.hpp"
#include "model/validation.hpp"

namespace iotc::testing {
namespace {

using namespace iotc::model;

Json round_trip(const Json& json, ApiVersion version = ApiVersion::v2022_07_31) {
  Problems problems;
  const Job job = job_from_json(json, problems);
  CHECK(problems.empty());
  return to_json(job, version);
}

TEST_CASE("unknown members survive a round trip at every level", "[model][json]") {
  // Known members in the service's order, unknown ones after them: written back byte for byte.
  const Json job = Json::parse(R"({
    "id": "job-42", "displayName": "Set it", "group": "g1",
    "batch": {"type": "number", "value": 10, "unit": "devices"},
    "cancellationThreshold": {"type": "percentage", "value": 12.5, "batch": true, "x": null},
    "data": [{"type": "property", "target": "dtmi:a:b", "path": "p", "value": {"k": [1]},
              "priority": 3}],
    "start": "2026-11-27T10:00:00Z", "status": "running",
    "progress": {"total": 10, "pending": 2, "completed": 7, "failed": 1, "skipped": 0},
    "organizations": ["seattle"], "scheduledJobId": "s-1",
    "futureField": {"nested": [1, 2, {"deep": true}]}, "etag": "\"abc\""})");
  CHECK(round_trip(job).dump(2) == job.dump(2));

  // An unknown member between known ones keeps its value; it moves after the known members.
  const Json middle = Json::parse(
      R"({"id": "j", "newMember": [1], "group": "g", "data": [{"type": "command", "target": "t",
          "added": {}, "path": "reboot"}]})");
  const nlohmann::json unordered = nlohmann::json::parse(round_trip(middle).dump());
  CHECK(unordered == nlohmann::json::parse(middle.dump()));

  Problems problems;
  const Json status = Json::parse(R"({"id": "d1", "status": "completed", "lastSeen": 5})");
  CHECK(to_json(job_device_status_from_json(status, problems)).dump() == status.dump());
  const Json group = Json::parse(
      R"({"id": "g1", "displayName": "All", "filter": "SELECT *", "organizations": ["x"]})");
  CHECK(to_json(device_group_from_json(group, problems)).dump() == group.dump());
  CHECK(problems.empty());
}

TEST_CASE("an unknown status is kept with its text", "[model][json]") {
  const Json json = Json::parse(
      R"({"id": "j", "group": "g", "data": [{"type": "command", "target": "t", "path": "c"}],
          "status": "paused"})");
  Problems problems;
  const Job job = job_from_json(json, problems);
  CHECK(problems.empty());
  CHECK(job.status() == JobStatus::unknown);
  CHECK(job.status_text == "paused");
  CHECK(to_json(job, ApiVersion::v2022_07_31)["status"] == "paused");
  CHECK_FALSE(is_finished(job.status()));

  const JobDeviceStatus device =
      job_device_status_from_json(Json{{"id", "d1"}, {"status", "retrying"}}, problems);
  CHECK(device.status() == DeviceStatus::unknown);
  CHECK(to_json(device)["status"] == "retrying");
}

TEST_CASE("the known statuses parse and print", "[model][status]") {
  for (const char* text : {"pending", "running", "complete", "failed", "cancelled", "stopped"}) {
    CHECK(to_string(parse_job_status(text)) == text);
  }
  for (const char* text : {"pending", "completed", "failed"}) {
    CHECK(to_string(parse_device_status(text)) == text);
  }
  CHECK(parse_job_status("completed") == JobStatus::unknown);  // jobs say "complete"
  CHECK(is_finished(JobStatus::complete));
  CHECK(is_finished(JobStatus::stopped));
  CHECK_FALSE(is_finished(JobStatus::pending));
  CHECK_FALSE(is_finished(JobStatus::running));
}

TEST_CASE("an unknown data type is kept and written back as read", "[model][json]") {
  const Json json =
      Json::parse(R"({"group": "g", "data": [{"type": "firmwareUpdate", "firmware": "1.2.3"}]})");
  for (ApiVersion version : all_api_versions()) {
    CHECK(round_trip(json, version).dump() == json.dump());
  }
}

TEST_CASE("values of every JSON kind, null included, round-trip", "[model][json]") {
  for (const char* value : {"null", "\"56\"", "56", "56.5", "true", "[1,\"a\"]", "{\"a\":{}}"}) {
    const Json json = Json::parse(std::string(R"({"group":"g","data":[{"type":"property",)") +
                                  R"("target":"t","path":"p","value":)" + value + "}]}");
    INFO(value);
    CHECK(round_trip(json).dump() == json.dump());
  }
  const Json absent = Json::parse(R"({"group":"g","data":[{"type":"command","target":"t",)"
                                  R"("path":"reboot"}]})");
  CHECK(round_trip(absent).dump() == absent.dump());  // absent stays absent, not null
}

TEST_CASE("reading never throws on wrong JSON types but reports them", "[model][json]") {
  const Json wrong = Json::parse(R"({
    "id": 7, "displayName": ["x"], "group": 5, "batch": "25%",
    "cancellationThreshold": {"type": "number", "value": "10", "batch": "yes"},
    "data": [42, {"type": 1, "target": false, "path": {}}],
    "progress": {"total": "many"}, "status": 3, "organizations": "seattle"})");
  Problems problems;
  Job job;
  CHECK_NOTHROW(job = job_from_json(wrong, problems));
  auto reported = [&](const std::string& path) {
    for (const Problem& problem : problems) {
      if (problem.path == path) return true;
    }
    return false;
  };
  for (const char* path :
       {"id", "displayName", "group", "batch", "cancellationThreshold.value",
        "cancellationThreshold.batch", "data[0]", "data[1].type", "data[1].target", "data[1].path",
        "progress.total", "status", "organizations"}) {
    INFO(path);
    CHECK(reported(path));
  }
  CHECK_NOTHROW(validate(job, ApiVersion::v2022_07_31));

  for (const char* document : {"null", "[]", "\"job\"", "42", "true"}) {
    INFO(document);
    Problems top;
    CHECK_NOTHROW(job_from_json(Json::parse(document), top));
    REQUIRE(top.size() == 1);
    CHECK(top[0].to_string() == "must be an object");
    CHECK_NOTHROW(check_job_payload(Json::parse(document), ApiVersion::preview));
  }
}

TEST_CASE("the service's error body is read and written", "[model][json]") {
  const Json body = Json::parse(R"({"error": {"code": "NotFound", "message": "Job not found",
      "requestId": "r-1", "time": "Fri, 27 Nov 2026 10:00:00 GMT"}})");
  const auto error = service_error_from_json(body);
  REQUIRE(error.has_value());
  CHECK(error->code == "NotFound");
  CHECK(error->message == "Job not found");
  CHECK(error->request_id == "r-1");
  CHECK(to_json(*error).dump() == body.dump());
  CHECK_FALSE(service_error_from_json(Json::parse(R"({"message": "plain"})")).has_value());
  CHECK_FALSE(service_error_from_json(Json::parse("[]")).has_value());
}

}  // namespace
}  // namespace iotc::testing
