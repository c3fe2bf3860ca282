#include "api/sent_match.hpp"

namespace iotc::api {
namespace {

std::string member_path(const std::string& parent, const std::string& name) {
  return parent.empty() ? name : parent + "." + name;
}

std::optional<std::string> difference_at(const model::Json& sent, const model::Json& stored,
                                         const std::string& path) {
  if (sent.is_object()) {
    if (!stored.is_object()) return path;
    for (const auto& [name, value] : sent.items()) {
      const auto found = stored.find(name);
      if (found == stored.end()) return member_path(path, name);
      if (auto difference = difference_at(value, *found, member_path(path, name))) {
        return difference;
      }
    }
    return std::nullopt;
  }
  if (sent.is_array()) {
    if (!stored.is_array() || stored.size() != sent.size()) return path;
    for (std::size_t i = 0; i < sent.size(); ++i) {
      if (auto difference =
              difference_at(sent[i], stored[i], path + "[" + std::to_string(i) + "]")) {
        return difference;
      }
    }
    return std::nullopt;
  }
  // nlohmann's == compares an integer and a floating-point number by value: the service may
  // write 25 back as 25.0.
  if (sent == stored) return std::nullopt;
  return path;
}

}  // namespace

std::optional<std::string> first_difference(const model::Json& sent, const model::Json& stored) {
  return difference_at(sent, stored, "");
}

bool holds_patch(const model::Json& patch, const model::Json& stored) {
  model::Json sent = patch;
  for (auto member = sent.begin(); member != sent.end();) {
    if (member->is_null()) {
      if (stored.contains(member.key())) return false;
      member = sent.erase(member);
    } else {
      ++member;
    }
  }
  return !first_difference(sent, stored);
}

}  // namespace iotc::api
