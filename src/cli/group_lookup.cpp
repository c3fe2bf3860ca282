#include "cli/group_lookup.hpp"

#include <cctype>
#include <vector>

#include "errors.hpp"

namespace iotc::cli {
namespace {

constexpr std::size_t kMaxCandidatesShown = 10;

std::string describe(const model::DeviceGroup& group) {
  return "'" + group.display_name.value_or("") + "' (" + group.id + ")";
}

std::string join(const std::vector<std::string>& items) {
  std::string text;
  for (std::size_t i = 0; i < items.size() && i < kMaxCandidatesShown; ++i) {
    text += "\n  " + items[i];
  }
  if (items.size() > kMaxCandidatesShown) {
    text += "\n  ... and " + std::to_string(items.size() - kMaxCandidatesShown) + " more";
  }
  return text;
}

}  // namespace

bool looks_like_group_id(std::string_view text) {
  constexpr std::string_view kShape = "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx";
  if (text.size() != kShape.size()) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool dash = kShape[i] == '-';
    if (dash != (text[i] == '-')) return false;
    if (!dash && !std::isxdigit(static_cast<unsigned char>(text[i]))) return false;
  }
  return true;
}

std::string resolve_group(api::Client& client, std::string_view text) {
  if (looks_like_group_id(text)) return std::string(text);
  std::vector<model::DeviceGroup> by_name;
  std::vector<std::string> all;
  auto pager = client.list_device_groups();
  while (auto group = pager.next()) {
    if (group->value.id == text) return group->value.id;
    if (group->value.display_name == text) by_name.push_back(group->value);
    all.push_back(describe(group->value));
  }
  if (by_name.size() == 1) return by_name.front().id;
  if (by_name.empty()) {
    throw UsageError(
        "no device group has the id or name '" + std::string(text) + "'" +
        (all.empty() ? "; the app has no device groups" : "; the groups are:" + join(all)));
  }
  std::vector<std::string> candidates;
  for (const auto& group : by_name) candidates.push_back(describe(group));
  throw UsageError(std::to_string(by_name.size()) + " device groups are named '" +
                   std::string(text) + "'; give the id of one:" + join(candidates));
}

}  // namespace iotc::cli
