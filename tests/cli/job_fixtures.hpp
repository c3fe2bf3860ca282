#pragma once
// Answers as the service gives them (and some it never gives), for the in-process command tests.

#include <optional>
#include <string>

#include "command_harness.hpp"
#include "model/job.hpp"

namespace iotc::testing {

inline constexpr const char* kGroupId = "833d7a7d-8f99-4e04-9e56-745806bdba6e";
inline constexpr const char* kTemplate = "dtmi:modelDefinition:zomtmdxh:eqod32zbyl";

struct Progress {
  int total = 10;
  int completed = 0;
  int failed = 0;
};

// A job of the 2022 api-versions; without `progress`, a job as the preview version shows it.
inline model::Json job_json(const std::string& id, const std::string& status,
                            std::optional<Progress> progress = Progress{}) {
  model::Json job = {{"id", id},
                     {"displayName", "Set temperature"},
                     {"group", kGroupId},
                     {"data", model::Json::array({{{"type", "property"},
                                                   {"target", kTemplate},
                                                   {"path", "targetTemperature"},
                                                   {"value", 56}}})},
                     {"status", status}};
  if (progress) {
    job["progress"] = {{"total", progress->total},
                       {"pending", progress->total - progress->completed - progress->failed},
                       {"completed", progress->completed},
                       {"failed", progress->failed}};
  }
  return job;
}

inline model::Json page(model::Json items, std::optional<std::string> next = std::nullopt) {
  model::Json body = {{"value", std::move(items)}};
  if (next) body["nextLink"] = std::string(kAppUrl) + *next;
  return body;
}

inline bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace iotc::testing
