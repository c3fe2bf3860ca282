#pragma once
// The output formats of -o/--output: the one table of them. table is for people; the others are
// a stable contract for scripts (docs/guide.md). Header-only, so that settings resolution
// (config) checks a format name against this table without linking the renderers.

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace iotc::output {

enum class Format { table, json, jsonl, tsv, csv };

inline constexpr Format kDefaultFormat = Format::table;

// Every format with its name, in the order help texts list them.
inline constexpr std::array<std::pair<Format, std::string_view>, 5> kFormats{{
    {Format::table, "table"},
    {Format::json, "json"},
    {Format::jsonl, "jsonl"},
    {Format::tsv, "tsv"},
    {Format::csv, "csv"},
}};

constexpr std::optional<Format> parse_format(std::string_view text) {
  for (const auto& [format, name] : kFormats) {
    if (name == text) return format;
  }
  return std::nullopt;
}

constexpr std::string_view to_string(Format format) {
  for (const auto& [candidate, name] : kFormats) {
    if (candidate == format) return name;
  }
  return "table";
}

// "table, json, jsonl, tsv, csv": for help texts and error messages.
inline std::string format_list() {
  std::string list;
  for (const auto& [format, name] : kFormats) {
    if (!list.empty()) list += ", ";
    list += name;
  }
  return list;
}

}  // namespace iotc::output
