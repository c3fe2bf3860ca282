// GET /api/deviceGroups, /api/deviceGroups/{id}, /api/deviceGroups/{id}/devices.
#include <limits>

#include "emulator/api_error.hpp"
#include "emulator/router.hpp"
#include "emulator/views.hpp"

namespace iotc::emulator {
namespace {

using iotc::model::ApiVersion;

// A group outside the caller's scope is not found: its existence is not revealed.
GroupRecord find_group(Call& call, const std::string& id) {
  auto group = call.app.store->group(id, call.scope);
  if (!group) {
    throw ApiError(404, codes::kDeviceGroupNotFound, "Device group '" + id + "' not found.");
  }
  return *group;
}

void list_groups(Call& call) {
  auto page = page_request(call);
  auto groups = call.app.store->groups_after(token_number(page, 0), page.size + 1, call.scope);
  send_page(
      call, page, groups, [&](const GroupRecord& group) { return group_view(group, call.version); },
      [](const GroupRecord& group) { return std::to_string(group.seq); });
}

void get_group(Call& call) {
  send_json(call.res, 200, group_view(find_group(call, call.params[0]), call.version));
}

void list_group_devices(Call& call) {
  auto group = find_group(call, call.params[0]);
  auto page = page_request(call);
  auto devices = call.app.store->group_devices_after(group.seq, token_number(page, 0) - 1,
                                                     page.size + 1, call.scope);
  // The token is the next position to read.
  using Member = std::pair<std::int64_t, DeviceRecord>;
  send_page(
      call, page, devices, [](const Member& member) { return device_view(member.second); },
      [](const Member& member) { return std::to_string(member.first + 1); });
}

}  // namespace

void add_group_routes(Router& router) {
  const std::set<ApiVersion> v2022 = {ApiVersion::v2022_07_31, ApiVersion::v2022_10_31_preview};
  router.add("GET", "/api/deviceGroups", list_groups);
  router.add("GET", "/api/deviceGroups/{}", get_group, v2022);
  router.add("GET", "/api/deviceGroups/{}/devices", list_group_devices, v2022);
}

}  // namespace iotc::emulator
