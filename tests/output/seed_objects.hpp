#pragma once
// Every JSON object in the fuzzing seeds and regression inputs, at any depth: real and hostile
// shapes for the tests that compare a text reader with the DOM.

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "model/job.hpp"
#include "model/json_text.hpp"

// Calls `check(object)` for each object of each input under IOTC_FUZZ_INPUTS_DIR that parses
// (api_client inputs start with two bytes of settings: their rest is read too); returns how many.
template <typename Check>
std::size_t for_each_seed_object(Check&& check) {
  using Json = iotc::model::Json;
  std::size_t count = 0;
  const auto visit = [&](const Json& value, auto&& self) -> void {
    if (value.is_object()) {
      check(value);
      ++count;
    }
    if (value.is_structured()) {
      for (const auto& child : value) self(child, self);
    }
  };
  for (const auto& entry : std::filesystem::recursive_directory_iterator(IOTC_FUZZ_INPUTS_DIR)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream file(entry.path(), std::ios::binary);
    const std::string content((std::istreambuf_iterator<char>(file)), {});
    for (const std::string& body : {content, content.size() > 2 ? content.substr(2) : ""}) {
      if (!iotc::model::json_depth_within(body)) continue;
      Json dom;
      try {
        dom = Json::parse(body);
      } catch (const Json::exception&) {
        continue;
      }
      visit(dom, visit);
    }
  }
  return count;
}
