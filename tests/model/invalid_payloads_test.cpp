// Invalid job payloads, one fault each, in one table: each is rejected by check_job_payload with
// exactly one problem, at the expected path, saying the expected thing. A last test checks that
// several faults are all reported at once.

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "model/validation.hpp"

namespace iotc::testing {
namespace {

using model::ApiVersion;

constexpr ApiVersion GA = ApiVersion::v2022_07_31;
constexpr ApiVersion OCT = ApiVersion::v2022_10_31_preview;
constexpr ApiVersion PREVIEW = ApiVersion::preview;

struct InvalidPayload {
  const char* name;
  std::string payload;  // JSON text
  ApiVersion version;
  const char* path;     // the JSON path of the one problem expected
  const char* message;  // a substring of its message
};

// Valid members the rows below reuse, so that each row shows only its fault.
#define GROUP R"("group":"833d7a7d-8f99-4e04-9e56-745806bdba6e")"
#define PROPERTY R"({"type":"property","target":"dtmi:a:b","path":"targetTemperature","value":56})"
#define DATA R"("data":[)" PROPERTY "]"

constexpr const char* kPercentRule = "a percentage must be more than 0 and at most 100";
constexpr const char* kCountRule = "a number of devices must be a whole number of 1 or more";

const std::vector<InvalidPayload>& invalid_payloads() {
  static const std::vector<InvalidPayload> table = {
      // The document and its required members.
      {"not an object", "[]", GA, "", "must be an object"},
      {"no group", "{" DATA "}", GA, "group", "required"},
      {"empty group", R"({"group":"",)" DATA "}", GA, "group", "required"},
      {"blank group", R"({"group":"  ",)" DATA "}", PREVIEW, "group", "required"},
      {"group not a string", R"({"group":5,)" DATA "}", GA, "group", "must be a string"},
      {"no data", "{" GROUP "}", GA, "data", "required"},
      {"empty data array", "{" GROUP R"(,"data":[]})", GA, "data", "at least one item"},
      {"data not an array", "{" GROUP R"(,"data":{"type":"property"}})", GA, "data",
       "must be an array"},
      {"data item not an object", "{" GROUP R"(,"data":["property"]})", GA, "data[0]",
       "must be an object"},
      {"displayName not a string", "{" GROUP "," DATA R"(,"displayName":1})", GA, "displayName",
       "must be a string"},
      {"description not a string", "{" GROUP "," DATA R"(,"description":null})", GA, "description",
       "must be a string"},
      // Job ids.
      {"id with a space", R"({"id":"job 1",)" GROUP "," DATA "}", GA, "id", model::kJobIdRule},
      {"id with a slash", R"({"id":"a/b",)" GROUP "," DATA "}", OCT, "id", model::kJobIdRule},
      {"empty id", R"({"id":"",)" GROUP "," DATA "}", GA, "id", model::kJobIdRule},
      {"id of 256 characters", R"({"id":")" + std::string(256, 'a') + R"(",)" GROUP "," DATA "}",
       GA, "id", model::kJobIdRule},
      {"id not a string", R"({"id":6,)" GROUP "," DATA "}", GA, "id", "must be a string"},
      // Job data.
      {"data type missing", "{" GROUP R"(,"data":[{"target":"t","path":"p","value":1}]})", GA,
       "data[0].type", "required"},
      {"data type not a string", "{" GROUP R"(,"data":[{"type":1,"target":"t","path":"p"}]})", GA,
       "data[0].type", "must be a string"},
      {"unknown data type", "{" GROUP R"(,"data":[{"type":"firmware","target":"t","path":"p"}]})",
       GA, "data[0].type", "unknown job data type 'firmware'"},
      {"target missing", "{" GROUP R"(,"data":[{"type":"property","path":"p","value":1}]})", GA,
       "data[0].target", "required"},
      {"target empty", "{" GROUP R"(,"data":[{"type":"command","target":"","path":"reboot"}]})", GA,
       "data[0].target", "required"},
      {"target not a string",
       "{" GROUP R"(,"data":[{"type":"command","target":["t"],"path":"reboot"}]})", GA,
       "data[0].target", "must be a string"},
      {"path missing", "{" GROUP R"(,"data":[{"type":"cloudProperty","target":"t","value":1}]})",
       GA, "data[0].path", "required"},
      {"path missing (preview spelling)",
       "{" GROUP R"(,"data":[{"type":"CommandJobData","target":"t"}]})", PREVIEW, "data[0].path",
       "required"},
      {"property without a value",
       "{" GROUP R"(,"data":[{"type":"property","target":"t",)"
       R"("path":"p"}]})",
       GA, "data[0].value", "required for a property job"},
      {"fault in the second item",
       "{" GROUP R"(,"data":[)" PROPERTY R"(,{"type":"command","path":"reboot"}]})", GA,
       "data[1].target", "required"},
      {"template migration without template",
       "{" GROUP R"(,"data":[{"type":"deviceTemplateMigration"}]})", GA, "data[0].template",
       "required"},
      {"manifest migration without manifest",
       "{" GROUP R"(,"data":[{"type":"deviceManifestMigration"}]})", OCT, "data[0].manifest",
       "required"},
      {"template migration in preview",
       "{" GROUP R"(,"data":[{"type":"deviceTemplateMigration","template":"dtmi:a:b"}]})", PREVIEW,
       "data[0].type", "not available in api-version preview"},
      {"manifest migration in 2022-07-31",
       "{" GROUP R"(,"data":[{"type":"deviceManifestMigration","manifest":"m"}]})", GA,
       "data[0].type", "not available in api-version 2022-07-31"},
      {"manifest migration in preview",
       "{" GROUP R"(,"data":[{"type":"deviceManifestMigration","manifest":"m"}]})", PREVIEW,
       "data[0].type", "not available in api-version preview"},
      // Batches.
      {"batch not an object", "{" GROUP "," DATA R"(,"batch":25})", GA, "batch",
       "must be an object"},
      {"batch without type", "{" GROUP "," DATA R"(,"batch":{"value":25}})", GA, "batch.type",
       "required"},
      {"batch of an unknown type", "{" GROUP "," DATA R"(,"batch":{"type":"devices","value":5}})",
       GA, "batch.type", R"(must be "number" or "percentage")"},
      {"batch without value", "{" GROUP "," DATA R"(,"batch":{"type":"number"}})", GA,
       "batch.value", "required"},
      {"batch value a string", "{" GROUP "," DATA R"(,"batch":{"type":"percentage","value":"25"}})",
       GA, "batch.value", "must be a number"},
      {"batch of 0%", "{" GROUP "," DATA R"(,"batch":{"type":"percentage","value":0}})", GA,
       "batch.value", kPercentRule},
      {"batch of -5%", "{" GROUP "," DATA R"(,"batch":{"type":"percentage","value":-5}})", PREVIEW,
       "batch.value", kPercentRule},
      {"batch of 150%", "{" GROUP "," DATA R"(,"batch":{"type":"percentage","value":150}})", OCT,
       "batch.value", kPercentRule},
      {"batch of 0 devices", "{" GROUP "," DATA R"(,"batch":{"type":"number","value":0}})", GA,
       "batch.value", kCountRule},
      {"batch of -3 devices", "{" GROUP "," DATA R"(,"batch":{"type":"number","value":-3}})", GA,
       "batch.value", kCountRule},
      {"batch of 2.5 devices", "{" GROUP "," DATA R"(,"batch":{"type":"number","value":2.5}})", GA,
       "batch.value", kCountRule},
      // Cancellation thresholds.
      {"threshold not an object", "{" GROUP "," DATA R"(,"cancellationThreshold":[]})", GA,
       "cancellationThreshold", "must be an object"},
      {"threshold without type", "{" GROUP "," DATA R"(,"cancellationThreshold":{"value":5}})", GA,
       "cancellationThreshold.type", "required"},
      {"threshold of 0%",
       "{" GROUP "," DATA R"(,"cancellationThreshold":{"type":"percentage","value":0}})", GA,
       "cancellationThreshold.value", kPercentRule},
      {"threshold of 100.5%",
       "{" GROUP "," DATA R"(,"cancellationThreshold":{"type":"percentage","value":100.5}})",
       PREVIEW, "cancellationThreshold.value", kPercentRule},
      {"threshold of -1 devices",
       "{" GROUP "," DATA R"(,"cancellationThreshold":{"type":"number","value":-1}})", GA,
       "cancellationThreshold.value", kCountRule},
      {"threshold of 1.5 devices",
       "{" GROUP "," DATA R"(,"cancellationThreshold":{"type":"number","value":1.5}})", OCT,
       "cancellationThreshold.value", kCountRule},
      {"threshold batch flag not a boolean",
       "{" GROUP "," DATA R"(,"cancellationThreshold":{"type":"number","value":2,"batch":"yes"}})",
       GA, "cancellationThreshold.batch", "must be true or false"},
      // Organizations.
      {"two organizations", "{" GROUP "," DATA R"(,"organizations":["seattle","redmond"]})", GA,
       "organizations", "exactly one organization"},
      {"no organization", "{" GROUP "," DATA R"(,"organizations":[]})", OCT, "organizations",
       "exactly one organization"},
      {"organizations not an array", "{" GROUP "," DATA R"(,"organizations":"seattle"})", GA,
       "organizations", "must be an array"},
      {"organization not a string", "{" GROUP "," DATA R"(,"organizations":["seattle",7]})", GA,
       "organizations[1]", "must be a string"},
      {"only organization not a string", "{" GROUP "," DATA R"(,"organizations":[7]})", GA,
       "organizations[0]", "must be a string"},
      {"empty organization", "{" GROUP "," DATA R"(,"organizations":[""]})", GA, "organizations[0]",
       "must not be empty"},
      {"organizations in preview", "{" GROUP "," DATA R"(,"organizations":["seattle"]})", PREVIEW,
       "organizations", "not available in api-version preview"},
  };
  return table;
}

#undef GROUP
#undef PROPERTY
#undef DATA

TEST_CASE("invalid payloads are rejected with their path and message", "[model][validation]") {
  const auto& table = invalid_payloads();
  CHECK(table.size() >= 40);
  for (const InvalidPayload& row : table) {
    INFO(row.name << " [" << model::to_string(row.version) << "]: " << row.payload);
    const model::Json payload = model::Json::parse(row.payload);
    const model::Problems problems = model::check_job_payload(payload, row.version);
    std::string reported;
    for (const auto& problem : problems) reported += "\n  " + problem.to_string();
    INFO("reported:" << reported);
    CHECK(problems.size() == 1);
    if (problems.empty()) continue;
    CHECK(problems[0].path == row.path);
    CHECK_THAT(problems[0].message, Catch::Matchers::Contains(row.message));
  }
}

TEST_CASE("every problem of a payload is reported at once", "[model][validation]") {
  const auto payload = model::Json::parse(R"({
    "id": "bad id", "displayName": 3,
    "batch": {"type": "percentage", "value": 0},
    "cancellationThreshold": {"type": "number", "value": 1.5},
    "data": [{"type": "property", "path": "p", "value": 1}, {"type": "firmware"}],
    "organizations": ["a", "b"]})");
  std::vector<std::string> reported;
  for (const auto& problem : model::check_job_payload(payload, GA)) {
    reported.push_back(problem.to_string());
  }
  const std::vector<std::string> expected = {
      "displayName: must be a string",
      "id: " + std::string(model::kJobIdRule),
      "group: required",
      "data[0].target: required",
      "data[1].type: unknown job data type 'firmware' (expected property, command, "
      "cloudProperty, deviceTemplateMigration or deviceManifestMigration)",
      std::string("batch.value: ") + kPercentRule,
      std::string("cancellationThreshold.value: ") + kCountRule,
      "organizations: exactly one organization is supported",
  };
  CHECK(reported == expected);
}

// Flags put text into the payload that no JSON parser has seen: a byte that is not UTF-8 (a
// Latin-1 terminal) must be a problem at its path, not a failure when the payload is written.
TEST_CASE("text that is not UTF-8 is a problem at its path", "[model][validation]") {
  auto payload = model::Json::parse(R"({"group": "g", "data": [
      {"type": "property", "target": "t", "path": "p", "value": "ok"}]})");
  payload["displayName"] = "caf\xe9";
  payload["data"][0]["value"] = model::Json::array({"fine", "\xff"});
  std::vector<std::string> reported;
  for (const auto& problem : model::check_job_payload(payload, GA)) {
    reported.push_back(problem.to_string());
  }
  const std::vector<std::string> expected = {
      "data[0].value[1]: not valid UTF-8 text (JSON carries UTF-8 only)",
      "displayName: not valid UTF-8 text (JSON carries UTF-8 only)",
  };
  CHECK(reported == expected);
}

TEST_CASE("a valid payload has no problem and fills the job", "[model][validation]") {
  model::Job job;
  const auto payload = model::Json::parse(
      R"({"id": "job-006", "group": "g", "batch": {"type": "number", "value": 5},
          "data": [{"type": "PropertyJobData", "target": "t", "path": "p", "value": "55"}]})");
  CHECK(model::check_job_payload(payload, PREVIEW, &job).empty());
  CHECK(job.id == "job-006");
  CHECK(job.batch->value == 5);
  CHECK(model::is_valid_job_id(std::string(255, '_')));
  CHECK_FALSE(model::is_valid_job_id(std::string(256, '_')));
}

}  // namespace
}  // namespace iotc::testing
