#include "output/format.hpp"

#include <array>
#include <utility>

namespace iotc::output {
namespace {
constexpr std::array<std::pair<Format, std::string_view>, 5> kFormats{{
    {Format::table, "table"},
    {Format::json, "json"},
    {Format::jsonl, "jsonl"},
    {Format::tsv, "tsv"},
    {Format::csv, "csv"},
}};
}  // namespace

std::optional<Format> parse_format(std::string_view text) {
  for (const auto& [format, name] : kFormats) {
    if (name == text) return format;
  }
  return std::nullopt;
}

std::string_view to_string(Format format) {
  for (const auto& [candidate, name] : kFormats) {
    if (candidate == format) return name;
  }
  return "table";
}

std::string format_list() {
  std::string list;
  for (const auto& [format, name] : kFormats) {
    if (!list.empty()) list += ", ";
    list += name;
  }
  return list;
}

}  // namespace iotc::output
