#include "output/table.hpp"

#include <algorithm>
#include <numeric>

#include "output/style.hpp"
#include "output/text.hpp"

namespace iotc::output {
namespace {
constexpr std::string_view kMissing = "-";

std::string_view shown(const TableCell& cell) {
  return cell.missing ? kMissing : cell.text;
}
}  // namespace

std::vector<std::size_t> fit_widths(const std::vector<Column>& columns,
                                    const std::vector<std::vector<TableCell>>& rows,
                                    std::size_t max_width) {
  std::vector<std::size_t> widths(columns.size());
  for (std::size_t c = 0; c < columns.size(); ++c) {
    widths[c] = display_width(columns[c].header);
    for (const auto& row : rows) widths[c] = std::max(widths[c], display_width(shown(row[c])));
  }
  if (max_width == 0 || columns.empty()) return widths;
  const std::size_t gaps = kColumnGap * (columns.size() - 1);
  auto total = [&] { return std::accumulate(widths.begin(), widths.end(), gaps); };
  while (total() > max_width) {
    // Cut the widest flexible column by one; stop when none can give more.
    std::size_t widest = columns.size();
    for (std::size_t c = 0; c < columns.size(); ++c) {
      if (!columns[c].flexible || widths[c] <= kMinFlexibleWidth) continue;
      if (widest == columns.size() || widths[c] > widths[widest]) widest = c;
    }
    if (widest == columns.size()) break;
    --widths[widest];
  }
  return widths;
}

void print_table(std::ostream& out, const std::vector<Column>& columns,
                 const std::vector<std::vector<TableCell>>& rows, std::size_t max_width,
                 bool color) {
  const auto widths = fit_widths(columns, rows, max_width);
  auto print_row = [&](auto&& text_of, auto&& color_of) {
    std::string line;
    for (std::size_t c = 0; c < columns.size(); ++c) {
      const std::string text = truncate_to_width(text_of(c), widths[c]);
      const bool last = c + 1 == columns.size();
      // Pad before coloring: escape codes take no columns on screen.
      const std::string padded = last ? text : pad_right(text, widths[c] + kColumnGap);
      line += color_of(c, padded);
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out << line << '\n';
  };
  print_row([&](std::size_t c) { return std::string_view(columns[c].header); },
            [&](std::size_t, const std::string& text) { return bold(text, color); });
  for (const auto& row : rows) {
    print_row([&](std::size_t c) { return shown(row[c]); },
              [&](std::size_t c, const std::string& text) {
                if (row[c].missing) return dim(text, color);
                if (columns[c].kind == CellKind::status) {
                  return color_status(row[c].status, text, color);
                }
                return text;
              });
  }
}

}  // namespace iotc::output
