#pragma once
// The members of an item's compact JSON text (what Json::dump() writes), found without a DOM:
// the table, tsv and csv writers read only the members their columns show, and most of those
// from their text (row_cells.hpp). Parsing each whole item, or each whole page, into
// ordered_json cost these formats five times what the JSON output costs.
//
// The text is what the page reader checked: members are found, not validated.

#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "model/job.hpp"

namespace iotc::output {

using Json = iotc::model::Json;

// A member of a compact JSON object's text: its name as written (quotes and escapes included)
// and its value's text. In an array, an item: the name empty.
struct MemberText {
  std::string_view name;
  std::string_view value;
};

// The members of compact object text, in the text's order, into `members` (cleared first, so
// that one vector serves every item). False when the text is not a JSON object written without
// spaces between its members (a value's own text is not checked: member_value() reads it).
bool object_members(std::string_view compact, std::vector<MemberText>& members);

// object_members(), true only when no member name needs decoding: a name with an escape may
// spell any other name.
bool plain_object_members(std::string_view compact, std::vector<MemberText>& members);

// The value of the last member named `name` (the parser keeps the last), or nullopt; names are
// compared as written, as plain_object_members() found them.
std::optional<std::string_view> last_member(std::span<const MemberText> members,
                                            std::string_view name);

// The items of compact array text, as object_members() reads members.
bool array_items(std::string_view compact, std::vector<MemberText>& items);

// True when a quoted JSON string, as written, is the string the parser makes of it: printable
// ASCII, no escape. A member name or a value between its quotes, then, with nothing to decode.
bool plain_json_string(std::string_view quoted);

// A non-negative integer of up to 18 digits, as JSON writes it: it always fits, and the parser
// makes it an unsigned integer, which dumps as written.
bool small_json_integer(std::string_view text);

// The DOM of one member's value text, as Json::parse() makes it: plain strings, non-negative
// integers, literals, and objects and arrays of them without nlohmann's lexer, anything else
// through it. A parse error when the text is not JSON.
Json member_value(std::string_view value);

}  // namespace iotc::output
