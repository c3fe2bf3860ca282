#pragma once
// One page of a paged answer ({"value": [...], "nextLink": "..."}) read without building a DOM:
// each item comes out as its compact JSON text, byte for byte what model::Json::dump() writes for
// the parsed item, so that output which prints JSON can pass items through. Parsing a page into
// ordered_json costs most of a long listing's CPU (every object member appended to an ordered
// map's vector copies the members before it); this pass does not allocate per item.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/job.hpp"

namespace iotc::api {

struct PageText {
  std::string items;                     // the items' compact texts, one after another
  std::vector<std::size_t> ends;         // where each item's text ends in `items`
  std::optional<std::string> next_link;  // the nextLink when it is a non-empty string
  bool is_page = false;                  // an object with a "value" array

  std::size_t size() const { return ends.size(); }
  std::string_view item(std::size_t i) const {
    const std::size_t begin = i == 0 ? 0 : ends[i - 1];
    return std::string_view(items).substr(begin, ends[i] - begin);
  }
};

// Reads `body` in one pass. nullopt when it cannot be read that way: not JSON, nested deeper than
// model::kMaxJsonDepth, or an object with a repeated member name (the DOM keeps the last value
// at the first one's place). The caller then parses the body into a DOM, which reports the
// error or handles the repeated name. Never throws (but std::bad_alloc).
std::optional<PageText> read_page_text(std::string_view body);

// The same from a page already parsed; without `with_items`, only is_page and next_link.
PageText page_text_of(const model::Json& page, bool with_items = true);

}  // namespace iotc::api
