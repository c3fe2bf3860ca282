// model::parse_json and json_depth_within: the guard every reader of outside JSON relies on.

#include "model/json_text.hpp"

#include <catch2/catch.hpp>
#include <string>

namespace iotc::model {
namespace {

std::string nested_arrays(std::size_t depth) {
  return std::string(depth, '[') + std::string(depth, ']');
}

TEST_CASE("json_depth_within counts arrays and objects, not brackets in strings") {
  CHECK(json_depth_within("1", 0));
  CHECK(json_depth_within("{}", 1));
  CHECK_FALSE(json_depth_within("{}", 0));
  CHECK(json_depth_within(R"({"a":[{"b":[]}]})", 4));
  CHECK_FALSE(json_depth_within(R"({"a":[{"b":[]}]})", 3));
  CHECK(json_depth_within(R"(["[[[[", "\"[[[", "\\", {}])", 2));
  CHECK_FALSE(json_depth_within(R"(["\\", [[]]])", 2));
}

TEST_CASE("parse_json reads documents up to kMaxJsonDepth and refuses deeper ones") {
  const auto at_limit = parse_json(nested_arrays(kMaxJsonDepth));
  REQUIRE(at_limit.has_value());
  CHECK(at_limit->is_array());
  CHECK_FALSE(parse_json(nested_arrays(kMaxJsonDepth + 1)).has_value());
  // Deep enough to overflow the stack when copied or dumped, were it let in.
  CHECK_FALSE(parse_json(nested_arrays(200000)).has_value());
}

TEST_CASE("parse_json never throws on text that is not JSON") {
  CHECK_FALSE(parse_json("").has_value());
  CHECK_FALSE(parse_json("{").has_value());
  CHECK_FALSE(parse_json("[1,]").has_value());
  CHECK_FALSE(parse_json("\"\xff\"").has_value());
  CHECK(parse_json(R"({"group":"g"})").value().at("group") == "g");
}

}  // namespace
}  // namespace iotc::model
