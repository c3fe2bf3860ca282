// Small text helpers shared by the completion and man-page generators.

#include <string>
#include <string_view>
#include <vector>

#include "cli/completion/spec.hpp"

namespace iotc::cli::completion {

std::vector<std::string> split_lines(std::string_view text) {
  std::vector<std::string> lines;
  while (true) {
    auto end = text.find('\n');
    lines.emplace_back(text.substr(0, end));
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return lines;
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string joined;
  for (const auto& item : items) {
    if (!joined.empty()) joined += separator;
    joined += item;
  }
  return joined;
}

std::vector<std::string> names_of(const std::vector<Argument>& options, ValueKind kind) {
  std::vector<std::string> names;
  for (const auto& option : options) {
    if (option.kind == kind) names.insert(names.end(), option.names.begin(), option.names.end());
  }
  return names;
}

}  // namespace iotc::cli::completion
