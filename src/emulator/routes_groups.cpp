// GET /api/deviceGroups, /api/deviceGroups/{id}, /api/deviceGroups/{id}/devices.
#include <limits>

#include "emulator/api_error.hpp"
#include "emulator/router.hpp"
#include "emulator/views.hpp"

namespace iotc::emulator {
namespace {

using iotc::model::ApiVersion;

GroupRecord find_group(Call& call, const std::string& id) {
  auto group = call.app.store->group(id);
  if (!group) {
    throw ApiError(404, codes::kDeviceGroupNotFound, "Device group '" + id + "' not found.");
  }
  return *group;
}

void list_groups(Call& call) {
  auto page = page_request(call);
  auto groups = call.app.store->groups_after(token_number(page, 0), page.size + 1);
  Json value = Json::array();
  for (std::size_t i = 0; i < groups.size() && static_cast<std::int64_t>(i) < page.size; ++i) {
    value.push_back(group_view(groups[i], call.version));
  }
  Json body = {{"value", value}};
  if (static_cast<std::int64_t>(groups.size()) > page.size) {
    body["nextLink"] = next_link(call, page, std::to_string(groups[page.size - 1].seq));
  }
  send_json(call.res, 200, body);
}

void get_group(Call& call) {
  send_json(call.res, 200, group_view(find_group(call, call.params[0]), call.version));
}

void list_group_devices(Call& call) {
  auto group = find_group(call, call.params[0]);
  auto page = page_request(call);
  auto devices =
      call.app.store->group_devices_after(group.seq, token_number(page, 0) - 1, page.size + 1);
  Json value = Json::array();
  for (std::size_t i = 0; i < devices.size() && static_cast<std::int64_t>(i) < page.size; ++i) {
    value.push_back(device_view(devices[i].second));
  }
  Json body = {{"value", value}};
  if (static_cast<std::int64_t>(devices.size()) > page.size) {
    // The token is the next position to read.
    body["nextLink"] = next_link(call, page, std::to_string(devices[page.size - 1].first + 1));
  }
  send_json(call.res, 200, body);
}

}  // namespace

void add_group_routes(Router& router) {
  const std::set<ApiVersion> v2022 = {ApiVersion::v2022_07_31, ApiVersion::v2022_10_31_preview};
  router.add("GET", "/api/deviceGroups", list_groups);
  router.add("GET", "/api/deviceGroups/{}", get_group, v2022);
  router.add("GET", "/api/deviceGroups/{}/devices", list_group_devices, v2022);
}

}  // namespace iotc::emulator
