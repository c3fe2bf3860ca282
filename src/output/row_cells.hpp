#pragma once
// The cells of one row for the table, tsv and csv writers: each column's text, as cell_text()
// makes it from the item's DOM, but read from the item's compact text where that is plain.
//
// Most cells of a listing read a top-level member whose value needs no DOM (text_cells.hpp): ids,
// names, statuses, times, progress counts, flat data items. Only the members the other columns
// read (a dotted path, a float, an escape) are parsed, into one small object per row. A DOM of each
// whole row cost the table twice what the JSON output costs for the same page.

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "output/cells.hpp"
#include "output/columns.hpp"
#include "output/json_members.hpp"
#include "output/text_cells.hpp"

namespace iotc::output {

class RowCells {
 public:
  explicit RowCells(std::span<const Column> columns);

  // Reads the row from the item's DOM.
  void read(const Json& item, const CellContext& context);
  // Reads the row from the item's compact JSON text (what Json::dump() writes); text that is not
  // an object written without spaces between its members, or whose member names need decoding,
  // is parsed and read as a DOM.
  void read_text(std::string_view compact, const CellContext& context);

  std::size_t size() const { return columns_.size(); }
  // The cell's text, not yet made safe for a terminal; nullopt when the row has no such member.
  // Valid until the next read.
  std::optional<std::string_view> operator[](std::size_t column) const;

 private:
  struct Cell {
    std::size_t offset = 0;
    std::size_t length = 0;
    bool present = false;
  };
  void start_row();
  void set(std::size_t column, std::string_view text);
  void set_present(std::size_t column, const std::optional<std::string>& text);

  std::vector<Column> columns_;
  std::vector<std::string> roots_;  // each column's first path step
  std::vector<bool> top_level_;     // the column reads a top-level member itself
  std::vector<bool> deferred_;      // this row's cell needs the member's DOM
  bool whole_item_ = false;         // a column shows the whole item: every row is read as a DOM
  std::vector<MemberText> members_;
  TextCells text_cells_;
  std::vector<Cell> cells_;
  std::string text_;  // the cells' texts, end to end
};

}  // namespace iotc::output
