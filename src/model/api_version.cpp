#include "model/api_version.hpp"

#include <array>

namespace iotc::model {
namespace {
constexpr std::array kAll = {ApiVersion::v2022_07_31, ApiVersion::v2022_10_31_preview,
                             ApiVersion::preview};
}  // namespace

std::string_view to_string(ApiVersion version) {
  switch (version) {
    case ApiVersion::v2022_07_31:
      return "2022-07-31";
    case ApiVersion::v2022_10_31_preview:
      return "2022-10-31-preview";
    case ApiVersion::preview:
      return "preview";
  }
  return "?";
}

std::optional<ApiVersion> parse_api_version(std::string_view text) {
  for (ApiVersion version : kAll) {
    if (to_string(version) == text) return version;
  }
  return std::nullopt;
}

std::span<const ApiVersion> all_api_versions() {
  return kAll;
}

std::string api_version_list() {
  std::string list;
  for (ApiVersion version : kAll) {
    if (!list.empty()) list += ", ";
    list += to_string(version);
  }
  return list;
}

bool has_progress(ApiVersion version) {
  return version != ApiVersion::preview;
}
bool has_maxpagesize(ApiVersion version) {
  return version == ApiVersion::v2022_10_31_preview;
}
bool has_group_writes(ApiVersion version) {
  return version != ApiVersion::preview;
}
bool has_group_if_match(ApiVersion version) {
  return version == ApiVersion::v2022_10_31_preview;
}
bool has_organizations(ApiVersion version) {
  return version != ApiVersion::preview;
}

}  // namespace iotc::model
