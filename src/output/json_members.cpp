#include "output/json_members.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>

#include "model/json_text.hpp"

namespace iotc::output {
namespace {

constexpr std::size_t kNone = std::string_view::npos;

// Just past the string that starts at `at` (a quote), or kNone.
std::size_t skip_string(std::string_view text, std::size_t at) {
  std::size_t i = at + 1;
  while (true) {
    const std::size_t quote = text.find('"', i);
    if (quote == kNone) return kNone;
    std::size_t backslashes = 0;
    while (quote - backslashes > at + 1 && text[quote - backslashes - 1] == '\\') ++backslashes;
    if (backslashes % 2 == 0) return quote + 1;
    i = quote + 1;  // an escaped quote
  }
}

// Just past the value that starts at `at`, or kNone. Compact text has no whitespace.
std::size_t skip_value(std::string_view text, std::size_t at) {
  if (at >= text.size()) return kNone;
  if (text[at] == '"') return skip_string(text, at);
  if (text[at] != '{' && text[at] != '[') {
    std::size_t end = at;
    while (end < text.size() && text[end] != ',' && text[end] != '}' && text[end] != ']') ++end;
    return end;
  }
  int depth = 0;
  for (std::size_t i = at; i < text.size();) {
    const char c = text[i];
    if (c == '"') {
      i = skip_string(text, i);
      if (i == kNone) return kNone;
      continue;
    }
    if (c == '{' || c == '[') {
      ++depth;
    } else if ((c == '}' || c == ']') && --depth == 0) {
      return i + 1;
    }
    ++i;
  }
  return kNone;
}

// A member name as the DOM holds it (escapes decoded).
std::string name_of(std::string_view quoted) {
  if (plain_json_string(quoted)) return std::string(quoted.substr(1, quoted.size() - 2));
  return Json::parse(quoted).get<std::string>();
}

// The members of the object or the items of the array `text`, into `parts` (cleared first):
// where each name and value are, so that a container can be allocated once, at its size
// (ordered_json's member vector copies its members on every reallocation: its pairs have a const
// key and cannot be moved). False when the text is not an object or array written without
// spaces between its parts; a value's own text is not checked here.
bool parts_of(std::string_view text, std::vector<MemberText>& parts) {
  parts.clear();
  if (text.size() < 2 || (text.front() == '{' ? text.back() != '}' : text.back() != ']')) {
    return false;
  }
  const bool object = text.front() == '{';
  std::size_t i = 1;
  while (i + 1 < text.size()) {
    MemberText part;
    if (object) {
      const std::size_t name_end = skip_string(text, i);
      if (text[i] != '"' || name_end == kNone || name_end >= text.size() || text[name_end] != ':') {
        return false;
      }
      part.name = text.substr(i, name_end - i);
      i = name_end + 1;
    }
    const std::size_t end = skip_value(text, i);
    if (end == kNone || end == i || end == text.size()) return false;
    part.value = text.substr(i, end - i);
    parts.push_back(part);
    if (text[end] == ',') {
      i = end + 1;
      if (i + 1 >= text.size()) return false;  // a comma before the end
    } else if (end + 1 == text.size()) {
      i = end;
    } else {
      return false;
    }
  }
  return true;
}

std::optional<std::vector<MemberText>> parts_of(std::string_view text) {
  std::vector<MemberText> parts;
  if (!parts_of(text, parts)) return std::nullopt;
  return parts;
}

Json value_of(std::string_view text, std::size_t depth);

// Adds a member as the parser does: a repeated name keeps the last value at the first place.
void add_member(Json::object_t& members, std::string name, std::string_view value,
                std::size_t depth) {
  const auto same = std::find_if(members.begin(), members.end(),
                                 [&](const auto& member) { return member.first == name; });
  if (same != members.end()) {
    same->second = value_of(value, depth);
  } else {
    members.Container::emplace_back(std::move(name), value_of(value, depth));
  }
}

// The value of compact JSON text, as Json::parse() makes it, without its lexer for what listings
// hold (plain strings, non-negative integers, literals, objects and arrays of them); anything
// else (escapes, UTF-8, negative or non-integer numbers) goes to Json::parse(), and so does
// nesting deeper than the page reader lets through, so that no text can exhaust the stack here.
Json value_of(std::string_view text, std::size_t depth) {
  if (text.empty() || depth > model::kMaxJsonDepth) return Json::parse(text);
  switch (text.front()) {
    case '"':
      if (plain_json_string(text)) return Json(std::string(text.substr(1, text.size() - 2)));
      return Json::parse(text);
    case '{': {
      const auto parts = parts_of(text);
      if (!parts) break;
      Json::object_t members;
      members.reserve(parts->size());
      for (const MemberText& part : *parts) {
        add_member(members, name_of(part.name), part.value, depth + 1);
      }
      return Json(std::move(members));
    }
    case '[': {
      const auto parts = parts_of(text);
      if (!parts) break;
      Json::array_t items;
      items.reserve(parts->size());
      for (const MemberText& part : *parts) items.push_back(value_of(part.value, depth + 1));
      return Json(std::move(items));
    }
    case 't':
      if (text == "true") return Json(true);
      break;
    case 'f':
      if (text == "false") return Json(false);
      break;
    case 'n':
      if (text == "null") return Json(nullptr);
      break;
    default:
      if (small_json_integer(text)) {
        std::uint64_t number = 0;
        std::from_chars(text.data(), text.data() + text.size(), number);
        return Json(number);
      }
  }
  return Json::parse(text);
}

}  // namespace

bool object_members(std::string_view compact, std::vector<MemberText>& members) {
  return !compact.empty() && compact.front() == '{' && parts_of(compact, members);
}

bool plain_object_members(std::string_view compact, std::vector<MemberText>& members) {
  return object_members(compact, members) &&
         std::all_of(members.begin(), members.end(),
                     [](const MemberText& member) { return plain_json_string(member.name); });
}

std::optional<std::string_view> last_member(std::span<const MemberText> members,
                                            std::string_view name) {
  for (auto it = members.rbegin(); it != members.rend(); ++it) {
    if (it->name.size() == name.size() + 2 && it->name.substr(1, name.size()) == name) {
      return it->value;
    }
  }
  return std::nullopt;
}

bool array_items(std::string_view compact, std::vector<MemberText>& items) {
  return !compact.empty() && compact.front() == '[' && parts_of(compact, items);
}

bool plain_json_string(std::string_view quoted) {
  return quoted.size() >= 2 && std::all_of(quoted.begin() + 1, quoted.end() - 1, [](char c) {
           const auto byte = static_cast<unsigned char>(c);
           return byte >= 0x20 && byte < 0x7F && c != '\\' && c != '"';
         });
}

bool small_json_integer(std::string_view text) {
  return !text.empty() && text.size() <= 18 && (text.size() == 1 || text.front() != '0') &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

Json member_value(std::string_view value) {
  return value_of(value, 1);
}

}  // namespace iotc::output
