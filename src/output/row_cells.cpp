#include "output/row_cells.hpp"

#include <algorithm>

namespace iotc::output {

RowCells::RowCells(std::span<const Column> columns)
    : columns_(columns.begin(), columns.end()), deferred_(columns.size()), cells_(columns.size()) {
  for (const auto& column : columns_) {
    roots_.push_back(column_root(column.path));
    top_level_.push_back(roots_.back() == column.path);
    // find_path() reads an empty path as the whole item, which only its DOM holds.
    whole_item_ = whole_item_ || column.path.empty();
  }
}

void RowCells::start_row() {
  text_.clear();
  std::fill(cells_.begin(), cells_.end(), Cell{});
}

void RowCells::set(std::size_t column, std::string_view text) {
  cells_[column] = Cell{text_.size(), text.size(), true};
  text_.append(text);
}

void RowCells::set_present(std::size_t column, const std::optional<std::string>& text) {
  if (text) set(column, *text);
}

std::optional<std::string_view> RowCells::operator[](std::size_t column) const {
  const Cell& cell = cells_[column];
  if (!cell.present) return std::nullopt;
  return std::string_view(text_).substr(cell.offset, cell.length);
}

void RowCells::read(const Json& item, const CellContext& context) {
  start_row();
  for (std::size_t c = 0; c < columns_.size(); ++c) {
    set_present(c, cell_text(columns_[c], item, context));
  }
}

void RowCells::read_text(std::string_view compact, const CellContext& context) {
  if (whole_item_ || !plain_object_members(compact, members_)) {
    read(Json::parse(compact), context);
    return;
  }
  start_row();
  bool any_deferred = false;
  for (std::size_t c = 0; c < columns_.size(); ++c) {
    deferred_[c] = false;
    const auto value = last_member(members_, roots_[c]);
    if (!value) continue;
    if (top_level_[c]) {
      const std::size_t start = text_.size();
      if (text_cells_.append(text_, columns_[c].kind, *value, context)) {
        cells_[c] = Cell{start, text_.size() - start, true};
        continue;
      }
    }
    deferred_[c] = true;
    any_deferred = true;
  }
  if (!any_deferred) return;
  // One object of the members the deferred columns read, each once, for cell_text().
  Json::object_t row;
  for (std::size_t c = 0; c < columns_.size(); ++c) {
    const std::string& root = roots_[c];
    if (!deferred_[c] ||
        std::any_of(row.begin(), row.end(), [&](const auto& m) { return m.first == root; })) {
      continue;
    }
    row.Container::emplace_back(root, member_value(*last_member(members_, root)));
  }
  const Json dom(std::move(row));
  for (std::size_t c = 0; c < columns_.size(); ++c) {
    if (deferred_[c]) set_present(c, cell_text(columns_[c], dom, context));
  }
}

}  // namespace iotc::output
