#pragma once
// --group ID|NAME: a device group id is used as it is; anything else is looked up among the
// app's device groups by id, then by display name (an exact, unique match).

#include <string>
#include <string_view>

#include "api/client.hpp"

namespace iotc::cli {

// IoT Central device group ids are GUIDs: "833d7a7d-8f99-4e04-9e56-745806bdba6e".
bool looks_like_group_id(std::string_view text);

// The id of the group `text` names. Throws NotFoundError when no group has that id or name
// (listing the groups, with a did-you-mean), UsageError when more than one group has that
// name. An id is checked with one GET where the api-version has GET /deviceGroups/{id}.
std::string resolve_group(api::Client& client, std::string_view text);

}  // namespace iotc::cli
