#pragma once
// The api-versions of the IoT Central data-plane API that iotc-jobs speaks, and what differs
// between them on the wire.

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace iotc::model {

enum class ApiVersion {
  v2022_07_31,          // GA, the default
  v2022_10_31_preview,  // adds deviceManifestMigration and maxpagesize
  preview,              // the 2021-04-30 preview: *JobData type names, no progress/start/end
};

inline constexpr ApiVersion kDefaultApiVersion = ApiVersion::v2022_07_31;

// "2022-07-31", "2022-10-31-preview" or "preview".
std::string_view to_string(ApiVersion version);
std::optional<ApiVersion> parse_api_version(std::string_view text);
std::span<const ApiVersion> all_api_versions();
// "2022-07-31, 2022-10-31-preview, preview": for error messages and help texts.
std::string api_version_list();

// Jobs carry progress, start and end (read-only fields) in the 2022 versions only.
bool has_progress(ApiVersion version);
// Lists accept ?maxpagesize=N (1..100) on 2022-10-31-preview only.
bool has_maxpagesize(ApiVersion version);
// GET /deviceGroups/{id}, its devices, and PUT, PATCH, DELETE of a group: the 2022 versions.
bool has_group_writes(ApiVersion version);
// PATCH /deviceGroups/{id} takes If-Match, and GET /deviceGroups takes filter and orderby:
// 2022-10-31-preview only.
bool has_group_if_match(ApiVersion version);
// Jobs may carry organizations and scheduledJobId in the 2022 versions only.
bool has_organizations(ApiVersion version);

}  // namespace iotc::model
