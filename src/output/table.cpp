#include "output/table.hpp"

#include <algorithm>
#include <numeric>

#include "output/style.hpp"
#include "output/text.hpp"

namespace iotc::output {
namespace {

constexpr std::string_view kMissing = "-";

// Widths for `columns` so that the table fits `max_width` (0: no limit) by cutting flexible
// columns, widest first, down to kMinFlexibleWidth.
std::vector<std::size_t> fit_widths(const std::vector<Column>& columns, const TableRows& rows,
                                    std::size_t max_width) {
  std::vector<std::size_t> widths(columns.size());
  for (std::size_t c = 0; c < columns.size(); ++c) {
    widths[c] = display_width(columns[c].header);
    for (std::size_t r = 0; r < rows.size(); ++r) {
      widths[c] = std::max(widths[c], display_width(rows.cell(r, c).value_or(kMissing)));
    }
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

}  // namespace

void TableRows::add_cell(std::optional<std::string_view> text) {
  if (text) append_neutralized(text_, *text);
  ends_.push_back(text_.size());
  missing_.push_back(!text);
}

std::optional<std::string_view> TableRows::cell(std::size_t row, std::size_t column) const {
  const std::size_t index = row * columns_ + column;
  if (missing_[index]) return std::nullopt;
  const std::size_t begin = index == 0 ? 0 : ends_[index - 1];
  return std::string_view(text_).substr(begin, ends_[index] - begin);
}

void print_table(std::ostream& out, const std::vector<Column>& columns, const TableRows& rows,
                 std::size_t max_width, bool color) {
  const auto widths = fit_widths(columns, rows, max_width);
  std::string line;  // one line at a time, its allocation kept
  std::string cut;
  // Appends a cell cut to its column's width, padded unless last, inside `style` when colored.
  // Padding goes inside the style, as escape codes take no columns on screen.
  const auto append_cell = [&](std::string_view text, std::size_t c, std::string_view style) {
    std::size_t used = display_width(text);
    if (used > widths[c]) {
      cut = truncate_to_width(text, widths[c]);
      text = cut;
      used = display_width(text);
    }
    const bool styled = color && !style.empty();
    if (styled) line += style;
    line += text;
    if (c + 1 < columns.size()) line.append(widths[c] + kColumnGap - used, ' ');
    if (styled) line += ansi::kReset;
  };
  const auto end_line = [&] {
    while (!line.empty() && line.back() == ' ') line.pop_back();
    line += '\n';
    out.write(line.data(), static_cast<std::streamsize>(line.size()));
    line.clear();
  };
  for (std::size_t c = 0; c < columns.size(); ++c) append_cell(columns[c].header, c, ansi::kBold);
  end_line();
  for (std::size_t r = 0; r < rows.size(); ++r) {
    for (std::size_t c = 0; c < columns.size(); ++c) {
      const auto text = rows.cell(r, c);
      if (!text) {
        append_cell(kMissing, c, ansi::kDim);
      } else {
        append_cell(*text, c, columns[c].kind == CellKind::status ? status_color(*text) : "");
      }
    }
    end_line();
  }
}

}  // namespace iotc::output
