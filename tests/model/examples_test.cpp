// Every example payload of the official specs parses, validates and round-trips exactly.
//
// An example file holds a request body under parameters.body and response bodies under
// responses.<status>.body. What those bodies are follows from the operation the file illustrates,
// so a table maps each file name to a body kind; a file the table does not know fails the test
// rather than being silently ignored.

#include <catch2/catch.hpp>
#include <string>
#include <string_view>

#include "model/job_json.hpp"
#include "model/job_members.hpp"
#include "model/schedule_validation.hpp"
#include "model/validation.hpp"
#include "shared_files.hpp"

namespace iotc::testing {
namespace {

using model::ApiVersion;
using model::Json;
using model::Problems;

enum class BodyKind {
  job,       // parsed, validated and round-tripped
  job_page,  // {"value": [Job], "nextLink"?}
  device_status_page,
  device_group_page,
  scheduled_job,  // a scheduled job definition: parsed, validated and round-tripped
  scheduled_job_page,
  scheduled_job_patch,  // the merge patch of an update: round-tripped, its schedule validated
  no_body,  // stop and resume: 204, no body
};

struct ExampleRule {
  std::string_view file;
  BodyKind kind;
};

constexpr ExampleRule kRules[] = {
    {"jobs_create.json", BodyKind::job},
    {"jobs_get.json", BodyKind::job},
    {"jobs_rerun.json", BodyKind::job},
    {"jobs_list.json", BodyKind::job_page},
    {"jobs_devices.json", BodyKind::device_status_page},
    {"jobs_stop.json", BodyKind::no_body},
    {"jobs_resume.json", BodyKind::no_body},
    {"devicegroups_list.json", BodyKind::device_group_page},
    {"scheduledjobs_list_jobs.json", BodyKind::job_page},
    {"scheduledjobs_get.json", BodyKind::scheduled_job},
    {"scheduledjobs_update.json", BodyKind::scheduled_job},
    {"scheduledjobs_list.json", BodyKind::scheduled_job_page},
};

const ExampleRule* rule_for(std::string_view file) {
  for (const ExampleRule& rule : kRules) {
    if (rule.file == file) return &rule;
  }
  return nullptr;
}

// Reads one item and writes it back; every reading problem is recorded in `problems`.
Json round_trip_item(BodyKind kind, const Json& item, ApiVersion version, Problems& problems) {
  switch (kind) {
    case BodyKind::job_page:
    case BodyKind::job:
      return model::to_json(model::job_from_json(item, problems), version);
    case BodyKind::scheduled_job:
    case BodyKind::scheduled_job_page:
    case BodyKind::scheduled_job_patch:
      return model::to_json(model::scheduled_job_from_json(item, problems), version);
    case BodyKind::device_status_page:
      return model::to_json(model::job_device_status_from_json(item, problems));
    case BodyKind::device_group_page:
      return model::to_json(model::device_group_from_json(item, problems));
    case BodyKind::no_body:
      break;
  }
  return Json();
}

bool is_page(BodyKind kind) {
  return kind == BodyKind::job_page || kind == BodyKind::device_status_page ||
         kind == BodyKind::device_group_page || kind == BodyKind::scheduled_job_page;
}

// Checks one body; returns how many items (jobs, statuses, groups) it held.
int check_body(BodyKind kind, const Json& body, ApiVersion version) {
  Problems problems;
  if (!is_page(kind)) {
    CHECK(round_trip_item(kind, body, version, problems).dump(2) == body.dump(2));
    CHECK(problems.empty());
    if (kind == BodyKind::job) {
      CHECK(model::check_job_payload(body, version).empty());
      // Every member the service sends is one a job file may hold (read-only ones included).
      CHECK(model::unknown_members(body, version).empty());
    }
    if (kind == BodyKind::scheduled_job) {
      CHECK(model::check_scheduled_job_payload(body, version).empty());
    }
    if (kind == BodyKind::scheduled_job_patch) {
      const auto patch = model::scheduled_job_from_json(body, problems);
      REQUIRE(patch.schedule);
      CHECK(model::validate_schedule(*patch.schedule).empty());
    }
    return 1;
  }
  REQUIRE(body.contains("value"));
  REQUIRE(body["value"].is_array());
  Json written = Json::object();
  for (const auto& [key, member] : body.items()) {
    CHECK((key == "value" || key == "nextLink"));
    written[key] = member;
  }
  Json& items = written["value"];
  for (Json& item : items) item = round_trip_item(kind, item, version, problems);
  CHECK(written.dump(2) == body.dump(2));
  CHECK(problems.empty());
  if (kind == BodyKind::job_page) {
    for (const Json& job : body["value"]) {
      CHECK(model::check_job_payload(job, version).empty());
      CHECK(model::unknown_members(job, version).empty());
    }
  }
  if (kind == BodyKind::scheduled_job_page) {
    for (const Json& scheduled : body["value"]) {
      CHECK(model::check_scheduled_job_payload(scheduled, version).empty());
    }
  }
  return static_cast<int>(items.size());
}

// The api-version an example speaks: its own parameter, else (one preview example lacks it) the
// folder's. When both exist they must agree.
ApiVersion example_version(const Json& example, ApiVersion folder_version) {
  const Json& parameters = example.at("parameters");
  if (!parameters.contains("api-version")) return folder_version;
  const auto version = model::parse_api_version(parameters["api-version"].get<std::string>());
  REQUIRE(version.has_value());
  CHECK(*version == folder_version);
  return *version;
}

TEST_CASE("every official example payload parses, validates and round-trips exactly",
          "[model][examples]") {
  const auto root = spec_dir();
  if (!shared_dir_available(root, "IOTC_SPEC_DIR")) return;

  int folders = 0, bodies = 0, items = 0;
  for (const auto& folder : std::filesystem::directory_iterator(root)) {
    if (!folder.is_directory()) continue;
    const auto folder_version = folder_api_version(folder.path().filename().string());
    INFO("folder " << folder.path());
    REQUIRE(folder_version.has_value());
    ++folders;
    for (const auto& file : json_files(folder.path() / "examples")) {
      INFO("example " << file.filename());
      const ExampleRule* rule = rule_for(file.filename().string());
      if (rule == nullptr) FAIL("no rule says what the bodies of this example are");
      const Json example = read_json_file(file);
      const ApiVersion version = example_version(example, *folder_version);
      INFO("api-version " << model::to_string(version));
      if (example["parameters"].contains("body")) {
        INFO("request body");
        const Json& body = example["parameters"]["body"];
        // A scheduled job's update sends a merge patch, not a whole definition.
        const BodyKind kind =
            rule->kind == BodyKind::scheduled_job ? BodyKind::scheduled_job_patch : rule->kind;
        items += check_body(kind, body, version);
        ++bodies;
        if (rule->kind == BodyKind::job) {
          Problems problems;
          const auto job = model::job_from_json(body, problems);
          CHECK(model::to_create_body(job, version).dump(2) == body.dump(2));
        }
      }
      for (const auto& [status, response] : example.at("responses").items()) {
        INFO("response " << status);
        if (rule->kind == BodyKind::no_body) {
          CHECK_FALSE(response.contains("body"));
          continue;
        }
        REQUIRE(response.contains("body"));
        items += check_body(rule->kind, response["body"], version);
        ++bodies;
      }
    }
  }
  CHECK(folders == 3);
  CHECK(bodies > 0);
  CHECK(items >= bodies);
}

}  // namespace
}  // namespace iotc::testing
