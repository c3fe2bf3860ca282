#include "output/json_project.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "model/json_text.hpp"

using namespace iotc::output;

namespace {

// Same values and the same number types (an unsigned 5 and a signed 5 compare equal, but a cell
// could print them differently).
bool same(const Json& a, const Json& b) {
  if (a.type() != b.type()) return false;
  if (a.is_object()) {
    if (a.size() != b.size()) return false;
    auto other = b.begin();
    for (auto it = a.begin(); it != a.end(); ++it, ++other) {
      if (it.key() != other.key() || !same(it.value(), other.value())) return false;
    }
    return true;
  }
  if (a.is_array()) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (!same(a[i], b[i])) return false;
    }
    return true;
  }
  return a.dump() == b.dump();
}

// What the DOM holds of `item` under `names`, in the item's order.
Json expected(const Json& item, const std::vector<std::string>& names) {
  Json row = Json::object();
  for (auto it = item.begin(); it != item.end(); ++it) {
    if (std::find(names.begin(), names.end(), it.key()) != names.end()) row[it.key()] = *it;
  }
  return row;
}

// Items as listings hold them, and as they should not but may.
const Json kItems = Json::parse(R"([
  {"id": "job-1", "displayName": "Set the target temperature", "status": "complete",
   "progress": {"total": 4, "pending": 0, "completed": 3, "failed": 1},
   "data": [{"type": "property", "path": "targetTemperature", "value": 56}],
   "batch": {"type": "percentage", "value": 25}, "start": "2026-12-06T02:38:21.249Z"},
  {"id": "quote\" backslash\\ {[}]", "a\"b": "key with a quote", "x.y": "a dot",
   "data": [[], {}, [[[]]], "}", "\\", "\\\"", "\u00e9\u2603\ud83d\ude00", "\u007f\u0085\u009b"],
   "n": [0, 7, -3, 1.5, -0.25, 1e3, 123456789012345678, 1234567890123456789,
         18446744073709551615, 99999999999999999999, -9223372036854775808],
   "literals": [true, false, null], "empty": "", "nested": {"a": {"b": {"c": [1, {"d": "e"}]}}}},
  {"id": 12, "status": null, "progress": "not an object", "data": {"type": "odd"}},
  {}
])");

}  // namespace

TEST_CASE("column roots are the first step of each path, once each", "[json_project]") {
  const std::vector<Column> columns{{"id", "ID"},
                                    {"progress.failed", "FAILED"},
                                    {"progress.total", "TOTAL"},
                                    {"data[0].type", "TYPE"},
                                    {"data.0.path", "PATH"},
                                    {"[0]", "ODD"}};
  CHECK(column_roots(columns) == std::vector<std::string>{"id", "progress", "data"});
}

TEST_CASE("a projection holds what the DOM holds under the names asked for", "[json_project]") {
  for (const auto& item : kItems) {
    std::vector<std::string> every;
    for (auto it = item.begin(); it != item.end(); ++it) every.push_back(it.key());
    const std::vector<std::vector<std::string>> name_sets{
        every, {"id", "status"}, {"data", "missing"}, {"a\"b", "x.y", "n"}, {}};
    for (const auto& names : name_sets) {
      const std::string text = item.dump();
      const auto row = project_members(text, names);
      REQUIRE(row.has_value());
      INFO(text);
      CHECK(same(*row, expected(item, names)));
    }
  }
}

TEST_CASE("a repeated member name keeps the last value at the first place", "[json_project]") {
  const std::vector<std::string> names{"a", "b"};
  const auto row = project_members(R"({"a":1,"b":{"c":1,"c":[2]},"a":"last"})", names);
  REQUIRE(row.has_value());
  CHECK(row->dump() == Json::parse(R"({"a":1,"b":{"c":1,"c":[2]},"a":"last"})").dump());
}

TEST_CASE("text that is not a compact object is left to the parser or refused", "[json_project]") {
  const std::vector<std::string> names{"a"};
  const auto refused = [&](std::string_view text) {
    try {
      return !project_members(text, names).has_value();
    } catch (const Json::parse_error&) {
      return true;
    }
  };
  for (const char* text : {"",
                           "[1,2]",
                           "\"a\"",
                           "5",
                           "{",
                           "{\"a\":",
                           "{\"a\":1",
                           "{\"a\"}",
                           "{ \"a\":1}",
                           "{\"a\":1,}",
                           "{,}",
                           "{\"a\":1 \"b\":2}",
                           "{\"a\":\"unclosed}",
                           "{\"a\":[1,2}",
                           "{\"a\":tru}",
                           "{\"a\":01}",
                           "{\"a\":\"\\\"}",
                           "{\"a\":1}}",
                           "x",
                           "{\"a\":\"\x01\"}"}) {
    INFO(text);
    CHECK(refused(text));
  }
  // Valid JSON with spaces inside a value: still what the parser makes of it.
  const auto spaced = project_members(R"({"a":[1, 2],"b":2})", names);
  REQUIRE(spaced.has_value());
  CHECK(spaced->dump() == R"({"a":[1,2]})");
}

TEST_CASE("deep nesting in a member asked for is read as the parser reads it", "[json_project]") {
  const std::vector<std::string> names{"a"};
  // Every reader refuses text deeper than kMaxJsonDepth before anything is projected, so a deeper
  // member only has to agree with the parser, not survive any depth (dumping thousands of levels
  // overflows the stack under AddressSanitizer).
  constexpr int kMax = static_cast<int>(iotc::model::kMaxJsonDepth);
  for (int depth : {kMax - 1, kMax, kMax + 1, 3 * kMax}) {
    const std::string deep = std::string(static_cast<std::size_t>(depth), '[') + "1" +
                             std::string(static_cast<std::size_t>(depth), ']');
    const auto row = project_members("{\"a\":" + deep + "}", names);
    REQUIRE(row.has_value());
    CHECK(row->dump() == "{\"a\":" + deep + "}");
  }
}

TEST_CASE("every object in the fuzzing seeds projects as the DOM holds it", "[json_project]") {
  std::size_t compared = 0;
  // Every object of every seed and regression input that parses, at any depth: its compact text
  // projected on all its names, and on its first name alone, against the DOM.
  const auto check_objects = [&](const Json& value, auto&& self) -> void {
    if (value.is_object()) {
      std::vector<std::string> every;
      for (auto it = value.begin(); it != value.end(); ++it) every.push_back(it.key());
      const std::string text = value.dump(-1, ' ', false, Json::error_handler_t::replace);
      const Json dom = Json::parse(text);  // what a page reader's text holds
      for (const auto& names :
           {every, every.empty() ? every : std::vector<std::string>{every.front()}}) {
        const auto row = project_members(text, names);
        REQUIRE(row.has_value());
        CHECK(same(*row, expected(dom, names)));
        ++compared;
      }
    }
    if (value.is_structured()) {
      for (const auto& child : value) self(child, self);
    }
  };
  for (const auto& entry : std::filesystem::recursive_directory_iterator(IOTC_FUZZ_INPUTS_DIR)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream file(entry.path(), std::ios::binary);
    const std::string content((std::istreambuf_iterator<char>(file)), {});
    // api_client inputs start with two bytes of settings; the rest is a body.
    for (const std::string& body : {content, content.size() > 2 ? content.substr(2) : ""}) {
      if (!iotc::model::json_depth_within(body)) continue;
      Json dom;
      try {
        dom = Json::parse(body);
      } catch (const Json::exception&) {
        continue;
      }
      INFO(entry.path().string());
      check_objects(dom, check_objects);
    }
  }
  CHECK(compared > 100);
}
