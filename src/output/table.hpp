#pragma once
// An aligned table for people: headers, two spaces between columns, fitted to the terminal.

#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "output/columns.hpp"

namespace iotc::output {

inline constexpr std::size_t kColumnGap = 2;
inline constexpr std::size_t kMinFlexibleWidth = 8;

// The rows of a table, held until the last one is in (the widths depend on every row): the
// cells' texts end to end in one string, made safe for a terminal as they are added. A string
// per cell cost a 10,000-row listing 7 MB and a page fault every few rows.
class TableRows {
 public:
  explicit TableRows(std::size_t columns) : columns_(columns) {}
  // The next cell, filling rows left to right; nullopt for a row without the member.
  void add_cell(std::optional<std::string_view> text);
  std::size_t size() const { return columns_ == 0 ? 0 : ends_.size() / columns_; }
  // The cell's text, neutralised; nullopt when missing.
  std::optional<std::string_view> cell(std::size_t row, std::size_t column) const;

 private:
  std::size_t columns_;
  std::string text_;
  std::vector<std::size_t> ends_;  // where each cell's text ends in text_
  std::vector<bool> missing_;
};

// Prints the headers and the rows aligned, the widths fitted to `max_width` (0: no limit) by
// cutting flexible columns, widest first, down to kMinFlexibleWidth.
void print_table(std::ostream& out, const std::vector<Column>& columns, const TableRows& rows,
                 std::size_t max_width, bool color);

}  // namespace iotc::output
