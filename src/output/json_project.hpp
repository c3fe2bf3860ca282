#pragma once
// A row for the table, tsv and csv writers straight from an item's compact JSON text: only the
// top-level members that the columns read are parsed. A listing's items arrive as text
// (api::RawPager::next_text); parsing each whole item, or each whole page, into ordered_json
// cost these formats five times what the JSON output costs.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "output/columns.hpp"

namespace iotc::output {

// The top-level member names that `columns` read (each path's first step), once each.
std::vector<std::string> column_roots(std::span<const Column> columns);

// The object of compact JSON text (what Json::dump() writes) with only the members named in
// `names`, in the text's order: find_path() on it finds what it finds on the whole item, for any
// path under those names. nullopt when the text is not a compact JSON object (the caller parses
// it, which reports the error or reads the spaces); a parse error when a member asked for is not
// JSON. Members not asked for are skipped, not checked: the text is what the page reader checked.
std::optional<Json> project_members(std::string_view compact, std::span<const std::string> names);

}  // namespace iotc::output
