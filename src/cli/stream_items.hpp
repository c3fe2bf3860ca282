#pragma once
// The loop that list and devices share: the items of a listing, page after page, into a list
// writer, with an optional filter and limit.
//
// With nothing to filter, the service's items reach the writer as text, without a DOM or a typed
// read (most of the CPU of a long listing otherwise): the JSON writers pass it through, the
// others read only the members their columns show (output/row_cells.hpp).

#include <cstddef>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "api/client.hpp"
#include "cli/interrupt.hpp"
#include "cli/stdout_check.hpp"
#include "output/writers.hpp"

namespace iotc::cli {

template <typename T>
struct StreamRules {
  std::function<bool(const T&)> wanted;  // empty: every item
  std::optional<std::size_t> limit;      // empty: every item
  // Where the writer writes: flushed when a page's items are all written, so that the output
  // shows while the next page is on its way; once a write there has failed, the listing stops
  // (no more pages are fetched for a reader that has gone).
  std::ostream* out = nullptr;
  // Rewrites an item before it is written (a table's group names): `shape_text` on its compact
  // text where items pass as text, else `shape` on its JSON. Only `shape` set: read as JSON.
  std::function<model::Json(model::Json)> shape;
  std::function<std::string(std::string_view)> shape_text;
};

// After an item is written: at the end of a page, what is written goes on to the reader; a
// failed write stops the listing.
template <typename T>
void passed_on(const api::Pager<T>& pager, std::ostream* out) {
  if (out == nullptr) return;
  if (pager.page_done()) out->flush();
  check_written(*out);
}

// Returns true when the limit stopped the listing with items left.
template <typename T>
bool stream_items(api::Pager<T>& pager, output::ListWriter& writer, const InterruptFlag& interrupt,
                  const StreamRules<T>& rules) {
  const auto room = [&] { return !rules.limit || writer.count() < *rules.limit; };
  if (!rules.wanted && (!rules.shape || rules.shape_text) && writer.takes_text()) {
    while (auto text = pager.next_text()) {
      check_interrupt(interrupt);
      if (!room()) return true;
      if (rules.shape_text) {
        writer.add_text(rules.shape_text(*text));
      } else {
        writer.add_text(*text);
      }
      passed_on(pager, rules.out);
    }
    return false;
  }
  while (auto item = pager.next()) {
    check_interrupt(interrupt);
    if (rules.wanted && !rules.wanted(item->value)) continue;
    if (!room()) return true;
    writer.add(rules.shape ? rules.shape(std::move(item->raw)) : item->raw);
    passed_on(pager, rules.out);
  }
  return false;
}

}  // namespace iotc::cli
