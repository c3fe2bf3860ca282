#include "output/json_members.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "seed_objects.hpp"

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

// The name a member's text spells, decoded.
std::string name_of(const MemberText& member) {
  return Json::parse(member.name).get<std::string>();
}

// True when the members found in `text` are the DOM's: each name's last value, read by
// member_value(), is the value the parser keeps (the first place, the last value).
bool members_match(const std::string& text, const Json& dom) {
  std::vector<MemberText> members;
  if (!object_members(text, members)) return false;
  std::vector<std::string> names;
  for (const auto& member : members) names.push_back(name_of(member));
  if (dom.size() > members.size()) return false;
  for (auto it = dom.begin(); it != dom.end(); ++it) {
    const auto last = std::find(names.rbegin(), names.rend(), it.key());
    if (last == names.rend()) return false;
    const auto index = static_cast<std::size_t>(names.rend() - last) - 1;
    if (!same(member_value(members[index].value), it.value())) return false;
  }
  return true;
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

TEST_CASE("every member of an item reads as the DOM holds it", "[json_members]") {
  for (const auto& item : kItems) {
    const std::string text = item.dump();
    INFO(text);
    CHECK(members_match(text, item));
    std::vector<MemberText> members;
    REQUIRE(object_members(text, members));
    std::vector<std::string> names;
    for (const auto& member : members) names.push_back(name_of(member));
    std::vector<std::string> keys;
    for (auto it = item.begin(); it != item.end(); ++it) keys.push_back(it.key());
    CHECK(names == keys);
  }
}

TEST_CASE("a repeated member name: the last value is the one read", "[json_members]") {
  const std::string text = R"({"a":1,"b":{"c":1,"c":[2]},"a":"last"})";
  std::vector<MemberText> members;
  REQUIRE(plain_object_members(text, members));
  CHECK(members.size() == 3);
  CHECK(last_member(members, "a") == std::optional<std::string_view>(R"("last")"));
  CHECK(member_value(*last_member(members, "b")).dump() == R"({"c":[2]})");
  CHECK_FALSE(last_member(members, "c").has_value());
  CHECK(members_match(text, Json::parse(text)));
}

TEST_CASE("a name with an escape is found but is not plain", "[json_members]") {
  std::vector<MemberText> members;
  const std::string text = R"({"st\u0061tus":"failed","id":"j"})";
  CHECK(object_members(text, members));
  CHECK(members.size() == 2);
  CHECK_FALSE(plain_object_members(text, members));
  CHECK(members_match(text, Json::parse(text)));
}

TEST_CASE("an array's items are found as members without names", "[json_members]") {
  std::vector<MemberText> items;
  REQUIRE(array_items(R"([1,"a]",{"b":[]},[]])", items));
  REQUIRE(items.size() == 4);
  CHECK(items[1].value == R"("a]")");
  CHECK(items[2].value == R"({"b":[]})");
  CHECK(items[3].name.empty());
  CHECK(array_items("[]", items));
  CHECK(items.empty());
  CHECK_FALSE(array_items("{}", items));
  CHECK_FALSE(object_members("[]", items));
}

TEST_CASE("plain strings are those with nothing to decode", "[json_members]") {
  CHECK(plain_json_string(R"("job-1 ok")"));
  CHECK(plain_json_string(R"("")"));
  for (const char* quoted :
       {R"("a\"b")", R"("a\\b")", "\"\xC3\xA9\"", "\"a\x7f\"", "\"a\tb\"", "\"", ""}) {
    INFO(quoted);
    CHECK_FALSE(plain_json_string(quoted));
  }
}

TEST_CASE("text that is not a compact object is left to the parser or refused", "[json_members]") {
  const auto refused = [&](std::string_view text) {
    std::vector<MemberText> members;
    if (!object_members(text, members)) return true;
    try {
      for (const auto& member : members) member_value(member.value);
    } catch (const Json::parse_error&) {
      return true;
    }
    return false;
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
  std::vector<MemberText> members;
  REQUIRE(object_members(R"({"a":[1, 2],"b":2})", members));
  CHECK(member_value(members.at(0).value).dump() == "[1,2]");
}

TEST_CASE("deep nesting in a member is read as the parser reads it", "[json_members]") {
  // Every reader refuses text deeper than kMaxJsonDepth before a member is read, so a deeper
  // member only has to agree with the parser, not survive any depth (dumping thousands of levels
  // overflows the stack under AddressSanitizer).
  constexpr int kMax = static_cast<int>(iotc::model::kMaxJsonDepth);
  for (int depth : {kMax - 1, kMax, kMax + 1, 3 * kMax}) {
    const std::string deep = std::string(static_cast<std::size_t>(depth), '[') + "1" +
                             std::string(static_cast<std::size_t>(depth), ']');
    CHECK(member_value(deep).dump() == deep);
  }
}

TEST_CASE("every object in the fuzzing seeds has the members the DOM holds", "[json_members]") {
  // Every object of every seed and regression input that parses, at any depth: its compact
  // text's members against the DOM.
  const std::size_t compared = for_each_seed_object([](const Json& value) {
    const std::string text = value.dump(-1, ' ', false, Json::error_handler_t::replace);
    const Json dom = Json::parse(text);  // what a page reader's text holds
    INFO(text);
    CHECK(members_match(text, dom));
  });
  CHECK(compared > 100);
}
