#include "output/columns.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

#include "errors.hpp"
#include "util/trim.hpp"

namespace iotc::output {
namespace {

Column column_for(std::span<const Column> catalog, std::string_view name) {
  for (const auto& column : catalog) {
    if (column.path == name) return column;
  }
  Column plain;
  plain.path = std::string(name);
  // The header of a plain path is the path itself in capitals: "progress.failed" ->
  // "PROGRESS.FAILED".
  for (char c : name) {
    plain.header += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return plain;
}

// A plain word must name a column: a typo ("stauts") would otherwise be an empty column.
bool in_catalog(std::span<const Column> catalog, std::string_view name) {
  return std::any_of(catalog.begin(), catalog.end(),
                     [&](const Column& column) { return column.path == name; });
}

bool all_digits(std::string_view text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// An index in a path ("data[12]") must be read when the answer is printed, after a create or a
// stop was sent: anything that could fail then is refused now.
void check_indexes(std::string_view spec, std::string_view name) {
  for (std::size_t open = name.find('['); open != std::string_view::npos;
       open = name.find('[', open + 1)) {
    const auto close = name.find(']', open);
    const std::string_view index = close == std::string_view::npos
                                       ? std::string_view()
                                       : name.substr(open + 1, close - open - 1);
    if (close == std::string_view::npos || !all_digits(index) || index.size() > 9) {
      throw UsageError("--columns: '" + std::string(name) + "' in '" + std::string(spec) +
                       "' has an index that is not a whole number below 1,000,000,000 in [ ]");
    }
  }
}

}  // namespace

std::vector<Column> pick_columns(std::span<const Column> catalog,
                                 std::span<const std::string_view> names) {
  std::vector<Column> columns;
  for (auto name : names) columns.push_back(column_for(catalog, name));
  return columns;
}

std::vector<Column> parse_columns(std::string_view spec, std::span<const Column> catalog) {
  std::vector<Column> columns;
  std::size_t start = 0;
  while (start <= spec.size()) {
    auto comma = spec.find(',', start);
    if (comma == std::string_view::npos) comma = spec.size();
    // "id, status": the blanks typed after a comma.
    const std::string name(util::trim(spec.substr(start, comma - start), " \t"));
    if (name.empty()) {
      throw UsageError("--columns: empty column name in '" + std::string(spec) +
                       "' (expected names such as id,status,progress.failed)");
    }
    check_indexes(spec, name);
    if (name.find_first_of(".[") == std::string::npos && !in_catalog(catalog, name)) {
      std::string known;
      for (const auto& column : catalog) {
        if (column.path.find('.') != std::string::npos) continue;
        known += (known.empty() ? "" : ", ") + column.path;
      }
      throw UsageError("--columns: unknown column '" + name + "' (expected " + known +
                       ", or a dotted path such as progress.failed)");
    }
    columns.push_back(column_for(catalog, name));
    start = comma + 1;
  }
  return columns;
}

const Json* find_path(const Json& root, std::string_view path) {
  const Json* node = &root;
  std::size_t start = 0;
  while (start < path.size()) {
    auto end = path.find_first_of(".[", start);
    if (end == std::string_view::npos) end = path.size();
    std::string_view key = path.substr(start, end - start);
    std::size_t next = end + 1;
    if (end < path.size() && path[end] == '[' && key.empty()) {
      // "[0]" right after a '.' or another index: read the index up to ']'.
      const auto close = path.find(']', end);
      if (close == std::string_view::npos) return nullptr;
      key = path.substr(end + 1, close - end - 1);
      next = close + 1;
      if (next < path.size() && path[next] == '.') ++next;
    } else if (end < path.size() && path[end] == '[') {
      next = end;  // the index is read on the next round
    }
    if (key.empty()) return nullptr;
    if (node->is_object()) {
      const auto found = node->find(std::string(key));
      if (found == node->end()) return nullptr;
      node = &*found;
    } else if (node->is_array() && all_digits(key)) {
      std::size_t index = 0;
      const auto [end_of_index, error] =
          std::from_chars(key.data(), key.data() + key.size(), index);
      if (error != std::errc() || index >= node->size()) return nullptr;
      node = &(*node)[index];
    } else {
      return nullptr;
    }
    start = next;
  }
  return node;
}

std::string column_root(std::string_view path) {
  if (!path.empty() && path.front() == '[') {
    // "[0]" on an object reads its member "0", as find_path() reads it.
    const auto close = path.find(']');
    return close == std::string_view::npos ? std::string() : std::string(path.substr(1, close - 1));
  }
  return std::string(path.substr(0, path.find_first_of(".[")));
}

}  // namespace iotc::output
