#pragma once
// An aligned table for people: headers, two spaces between columns, fitted to the terminal.

#include <ostream>
#include <string>
#include <vector>

#include "output/columns.hpp"

namespace iotc::output {

inline constexpr std::size_t kColumnGap = 2;
inline constexpr std::size_t kMinFlexibleWidth = 8;

struct TableCell {
  std::string text;    // already neutralised, no color
  std::string status;  // for CellKind::status: the value that picks the color
  bool missing = false;
};

// Widths for `columns` so that the table fits `max_width` (0: no limit) by cutting flexible
// columns, widest first, down to kMinFlexibleWidth. Exposed for tests.
std::vector<std::size_t> fit_widths(const std::vector<Column>& columns,
                                    const std::vector<std::vector<TableCell>>& rows,
                                    std::size_t max_width);

void print_table(std::ostream& out, const std::vector<Column>& columns,
                 const std::vector<std::vector<TableCell>>& rows, std::size_t max_width,
                 bool color);

}  // namespace iotc::output
