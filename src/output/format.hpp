#pragma once
// The output formats of -o/--output. table is for people; the others are a stable contract for
// scripts (DESIGN.md §2).

#include <optional>
#include <string>
#include <string_view>

namespace iotc::output {

enum class Format { table, json, jsonl, tsv, csv };

inline constexpr Format kDefaultFormat = Format::table;

std::optional<Format> parse_format(std::string_view text);
std::string_view to_string(Format format);
// "table, json, jsonl, tsv, csv": for help texts and error messages.
std::string format_list();

}  // namespace iotc::output
