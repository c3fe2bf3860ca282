#include "output/selection.hpp"

#include <string>

namespace iotc::output {
namespace {

// The member names of a dotted path up to its first array index: "progress.failed" ->
// {progress, failed}; "data[0].path" and "data.0.path" -> {data}.
std::vector<std::string> object_keys(std::string_view path) {
  std::vector<std::string> keys;
  std::size_t start = 0;
  while (start < path.size()) {
    const auto end = path.find_first_of(".[", start);
    const std::string key(path.substr(start, end - start));
    if (key.empty() || key.find_first_not_of("0123456789") == std::string::npos) break;
    keys.push_back(key);
    if (end == std::string_view::npos || path[end] == '[') break;
    start = end + 1;
  }
  return keys;
}

}  // namespace

Json select_members(const Json& item, const std::vector<Column>& columns) {
  if (!item.is_object()) return item;
  Json selected = Json::object();
  for (const auto& column : columns) {
    const Json* from = &item;
    Json* to = &selected;
    const auto keys = object_keys(column.path);
    for (std::size_t i = 0; i < keys.size(); ++i) {
      const auto found = from->find(keys[i]);
      if (found == from->end()) break;
      const bool last = i + 1 == keys.size() || !found->is_object();
      if (last) {
        (*to)[keys[i]] = *found;
        break;
      }
      Json& next = (*to)[keys[i]];
      if (!next.is_object()) next = Json::object();
      from = &*found;
      to = &next;
    }
  }
  return selected;
}

}  // namespace iotc::output
