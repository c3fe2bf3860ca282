#include "cli/group_lookup.hpp"

#include <cctype>
#include <vector>

#include "cli/suggest.hpp"
#include "errors.hpp"
#include "util/ascii_case.hpp"

namespace iotc::cli {
namespace {

constexpr std::size_t kMaxCandidatesShown = 10;

// One line each: a group's name comes from the service and may hold line breaks.
std::string describe(const model::DeviceGroup& group) {
  return one_line("'" + group.display_name.value_or("") + "' (" + group.id + ")");
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
  if (looks_like_group_id(text)) {
    // An unknown id is "not found" (exit 3) before anything is created. The 2022 versions can
    // ask for the one group; preview cannot, and its create's answer says it instead.
    if (client.options().api_version != model::ApiVersion::preview) client.get_device_group(text);
    return std::string(text);
  }
  // Exact id, then exact name, then the name without regard to case; two at one step: say which.
  std::vector<model::DeviceGroup> by_name;
  std::vector<model::DeviceGroup> by_folded_name;
  std::vector<std::string> all;
  std::vector<std::string> names;
  auto pager = client.list_device_groups();
  while (auto group = pager.next()) {
    if (group->value.id == text) return group->value.id;
    const auto name = group->value.display_name.value_or("");
    if (name == text) by_name.push_back(group->value);
    if (util::iequals(name, text)) by_folded_name.push_back(group->value);
    all.push_back(describe(group->value));
    names.push_back(name);
  }
  if (by_name.empty()) by_name = by_folded_name;
  if (by_name.size() == 1) return by_name.front().id;
  if (by_name.empty()) {
    std::string message = "no device group has the id or name '" + std::string(text) + "'";
    if (auto match = closest_match(text, names))
      message += ". Did you mean '" + one_line(*match) + "'?";
    message += all.empty() ? "; the app has no device groups" : "\nThe groups are:" + join(all);
    throw NotFoundError(message, 404);
  }
  std::vector<std::string> candidates;
  for (const auto& group : by_name) candidates.push_back(describe(group));
  throw UsageError(std::to_string(by_name.size()) + " device groups are named '" +
                   std::string(text) + "'; give the id of one:" + join(candidates));
}

}  // namespace iotc::cli
