// Row makers of the bad-input matrix.

#include "bad_input_rows.hpp"

#include <utility>

namespace iotc::testing::bad_input {
namespace {

using model::Json;

// The base job with members replaced: each change is a JSON pointer and the member's new JSON
// text ("" removes the member).
std::string job_with(const std::vector<std::pair<std::string, std::string>>& changes) {
  Json job = base_job();
  for (const auto& [pointer, text] : changes) {
    const Json::json_pointer at(pointer);
    if (text.empty()) {
      job.at(at.parent_pointer()).erase(at.back());
    } else {
      job[at] = Json::parse(text);
    }
  }
  return job.dump();
}

std::vector<std::string> concat(std::vector<std::string> first,
                                const std::vector<std::string>& second) {
  first.insert(first.end(), second.begin(), second.end());
  return first;
}

}  // namespace

model::Json base_job() {
  return Json::parse(R"({
    "displayName": "Bad input", "group": "Thermostats",
    "data": [{"type": "property", "target": "dtmi:modelDefinition:zomtmdxh:eqod32zbyl",
              "path": "targetTemperature", "value": 56}]})");
}

Row file_row(std::string category, std::string what, std::string content,
             std::vector<std::string> expected, const std::vector<std::string>& extra) {
  return {std::move(category), std::move(what), concat({"create", "--file", kFile}, extra),
          std::move(content), std::move(expected)};
}

Row job_row(std::string category, std::string what,
            const std::vector<std::pair<std::string, std::string>>& changes,
            std::vector<std::string> expected, const std::vector<std::string>& extra) {
  return file_row(std::move(category), std::move(what), job_with(changes), std::move(expected),
                  extra);
}

Row args_row(std::string category, std::string what, std::vector<std::string> args,
             std::vector<std::string> expected, Env env) {
  return {std::move(category), std::move(what),     std::move(args),
          std::nullopt,        std::move(expected), std::move(env)};
}

Row profile_row(std::string what, std::string config, std::vector<std::string> expected) {
  return {"profile",    std::move(what),     {"--profile", "p", "list"},
          std::nullopt, std::move(expected), {{"IOTC_BASE_URL", std::nullopt}},
          {},           std::move(config)};
}

std::vector<std::string> create_flags(const std::vector<std::string>& args) {
  return concat({"create", "--group", "Thermostats", "--target", kThermostatTemplate, "--set",
                 "targetTemperature=56"},
                args);
}

}  // namespace iotc::testing::bad_input
