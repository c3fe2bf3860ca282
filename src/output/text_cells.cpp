#include "output/text_cells.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <optional>

namespace iotc::output {
namespace {

// The characters of a quoted string with nothing to decode; nullopt for any other value.
std::optional<std::string_view> plain_string_text(std::string_view value) {
  if (value.empty() || value.front() != '"' || !plain_json_string(value)) return std::nullopt;
  return value.substr(1, value.size() - 2);
}

// What plain_text() makes of a scalar whose text reads as it prints: a string with nothing to
// decode, a non-negative integer of up to 18 digits (the parser's unsigned integer, dumped as
// written), a literal. nullopt for anything else.
std::optional<std::string_view> scalar_text(std::string_view value) {
  if (value.empty()) return std::nullopt;
  if (value.front() == '"') return plain_string_text(value);
  if (value == "true" || value == "false" || small_json_integer(value)) return value;
  if (value == "null") return std::string_view();
  return std::nullopt;
}

}  // namespace

bool TextCells::append(std::string& out, CellKind kind, std::string_view value,
                       const CellContext& context) {
  switch (kind) {
    case CellKind::progress:
      return append_progress(out, value);
    case CellKind::job_data:
      return append_data(out, value);
    case CellKind::size:
    case CellKind::id_list:
      return false;
    case CellKind::text:
    case CellKind::status:
    case CellKind::time:
    case CellKind::named:
      break;
  }
  const auto text = scalar_text(value);
  if (!text) return false;
  if (kind == CellKind::time && value.front() == '"') {
    if (const auto relative = relative_time_text(*text, context)) {
      out += *relative;
      return true;
    }
  }
  out += *text;
  return true;
}

// {"total":4,"pending":0,"completed":2,"failed":1}: counts that are integers, absent or null.
// Anything else (3.0, -1, beyond int64) goes to the DOM, which reads it or refuses it.
bool TextCells::append_progress(std::string& out, std::string_view value) {
  if (!plain_object_members(value, members_)) return false;
  std::int64_t counts[3] = {0, 0, 0};
  const std::string_view names[3] = {"total", "completed", "failed"};
  for (int i = 0; i < 3; ++i) {
    const auto count = last_member(members_, names[i]);
    if (!count || *count == "null") continue;
    if (!small_json_integer(*count)) return false;
    std::from_chars(count->data(), count->data() + count->size(), counts[i]);
  }
  out += progress_summary(counts[0], counts[1], counts[2]);
  return true;
}

bool TextCells::append_data(std::string& out, std::string_view value) {
  if (!array_items(value, items_)) return false;
  const std::size_t start = out.size();
  for (const MemberText& item : items_) {
    if (out.size() > start) out += "; ";
    if (!append_data_item(out, item.value)) {
      out.resize(start);
      return false;
    }
  }
  return true;
}

// {"type":"property","path":"targetTemperature","value":56}, its members plain strings (the
// value also an integer or a literal).
bool TextCells::append_data_item(std::string& out, std::string_view item) {
  if (!plain_object_members(item, members_)) return false;
  const auto string_member = [&](std::string_view name, std::optional<std::string_view>& text) {
    const auto found = last_member(members_, name);
    if (!found) return true;
    text = plain_string_text(*found);
    return text.has_value();
  };
  DataItemParts parts;
  std::optional<std::string_view> type;
  if (!string_member("type", type) || !string_member("template", parts.migration) ||
      !string_member("manifest", parts.manifest) || !string_member("path", parts.path)) {
    return false;
  }
  parts.type = type.value_or("");
  if (const auto found = last_member(members_, "value"); found && *found != "null") {
    // A plain string's JSON is its text as written, quotes included.
    if (!scalar_text(*found)) return false;
    parts.value = *found;
  }
  out += data_item_text(parts);
  return true;
}

}  // namespace iotc::output
