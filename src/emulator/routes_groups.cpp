// GET /api/deviceGroups, and in the 2022 versions GET|PUT|PATCH|DELETE /api/deviceGroups/{id}
// and GET /api/deviceGroups/{id}/devices. docs/emulator.md, "Device groups", says which parts
// are inferred.
#include <limits>

#include "emulator/api_error.hpp"
#include "emulator/group_filter.hpp"
#include "emulator/group_list_query.hpp"
#include "emulator/router.hpp"
#include "emulator/views.hpp"
#include "model/validation.hpp"

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

[[noreturn]] void invalid(const std::string& message) {
  throw ApiError(400, codes::kInvalidDeviceGroup, "The device group is not valid: " + message);
}

void list_groups(Call& call) {
  auto page = page_request(call);
  const GroupQuery query = group_list_query(call);
  const std::int64_t offset = token_number(page, 0);
  auto groups = call.app.store->groups_page(query, offset, page.size + 1, call.scope);
  // The token is the number of groups before the next page, as orderby may sort by any column.
  send_page(
      call, page, groups, [&](const GroupRecord& group) { return group_view(group, call.version); },
      [&](const GroupRecord&) { return std::to_string(offset + page.size); });
}

void get_group(Call& call) {
  send_json(call.res, 200, group_view(find_group(call, call.params[0]), call.version));
}

void list_group_devices(Call& call) {
  auto group = find_group(call, call.params[0]);
  auto page = page_request(call);
  auto devices = call.app.store->group_devices_after(group, token_number(page, 0) - 1,
                                                     page.size + 1, call.scope);
  // The token is the next position to read.
  using Member = std::pair<std::int64_t, DeviceRecord>;
  send_page(
      call, page, devices, [](const Member& member) { return device_view(member.second); },
      [](const Member& member) { return std::to_string(member.first + 1); });
}

// The members of `body` written into `group`: every member for a PUT, the ones present for a
// PATCH (a merge patch: null removes description). Read-only id and etag are dropped.
void apply_body(Call& call, const Json& body, GroupRecord& group, bool replace) {
  if (!body.is_object()) invalid("the body must be a JSON object.");
  for (const auto& [key, value] : body.items()) {
    if (key == "id" || key == "etag") continue;
    if (key == "displayName" || key == "filter") {
      if (!value.is_string()) invalid(key + ": must be a string.");
    } else if (key == "description") {
      if (!value.is_string() && !(value.is_null() && !replace)) invalid(key + ": must be a string.");
    } else if (key == "organizations") {
      if (!value.is_array() || value.size() > 1 ||
          (value.size() == 1 && !value[0].is_string())) {
        invalid("organizations: must be an array of one organization id.");
      }
    } else {
      invalid(key + ": not a member of DeviceGroup (displayName, filter, description, "
                    "organizations).");
    }
  }
  if (replace) {
    for (const char* required : {"displayName", "filter"}) {
      if (!body.contains(required)) invalid(std::string(required) + ": required.");
    }
    group.description.reset();
    group.organizations = Json();
  }
  if (body.contains("displayName")) group.display_name = body["displayName"].get<std::string>();
  if (body.contains("description")) {
    if (body["description"].is_null()) {
      group.description.reset();
    } else {
      group.description = body["description"].get<std::string>();
    }
  }
  if (body.contains("filter")) {
    group.filter = body["filter"].get<std::string>();
    try {
      compile_group_filter(group.filter, 1);
    } catch (const UnsupportedFilter& error) {
      invalid(std::string("filter: ") + error.what() + ".");
    }
    group.explicit_members = false;  // the filter decides from now on
  }
  if (body.contains("organizations")) group.organizations = body["organizations"];
  // A caller tied to an organization writes its groups there unless it names one.
  if (!group.organizations.is_array() && call.scope) group.organizations = Json::array({*call.scope});
  if (group.organizations.is_array() && !group.organizations.empty()) {
    const std::string id = group.organizations[0].get<std::string>();
    if (!call.app.store->organization(id, call.scope)) {
      throw ApiError(422, codes::kOrganizationNotFound,
                     "organizations[0]: organization '" + id + "' not found.");
    }
  }
}

void put_group(Call& call) {
  const std::string& id = call.params[0];
  if (!iotc::model::is_valid_job_id(id)) {
    throw ApiError(400, codes::kInvalidDeviceGroup,
                   "The device group id '" + id + "' is not valid: " +
                       iotc::model::kJobIdRule + ".");
  }
  Json body = parse_body(call);
  GroupRecord group;
  if (auto existing = call.app.store->group(id, call.scope)) {
    group = *existing;  // PUT is create-or-update: the body replaces the group
  } else if (call.app.store->group_id_taken(id)) {
    // Ids are unique in the app: one outside the caller's scope, or a seeded group that was
    // deleted (reset brings it back), still holds it.
    throw ApiError(409, codes::kDeviceGroupAlreadyExists,
                   "A device group with id '" + id + "' already exists.");
  }
  group.id = id;
  apply_body(call, body, group, true);
  Transaction tx(call.app.store->db());
  call.app.store->write_group(group);
  tx.commit();
  send_json(call.res, 200, group_view(group, call.version));
}

void patch_group(Call& call) {
  GroupRecord group = find_group(call, call.params[0]);
  if (iotc::model::has_group_if_match(call.version) && call.req.has_header("If-Match")) {
    const std::string wanted = call.req.get_header_value("If-Match");
    if (wanted != "*" && wanted != group_etag(group)) {
      throw ApiError(412, codes::kPreconditionFailed,
                     "The device group '" + group.id + "' has etag " + group_etag(group) +
                         ", not " + wanted + ".");
    }
  }
  apply_body(call, parse_body(call), group, false);
  Transaction tx(call.app.store->db());
  call.app.store->write_group(group);
  tx.commit();
  send_json(call.res, 200, group_view(group, call.version));
}

void delete_group(Call& call) {
  call.app.engine.advance();
  GroupRecord group = find_group(call, call.params[0]);
  if (auto job = call.app.store->job_using_group(group.id)) {
    throw ApiError(422, codes::kDeviceGroupInUse,
                   "The device group '" + group.id + "' is the group of job '" + *job +
                       "', which has not finished.");
  }
  call.app.store->delete_group(group);
  send_no_content(call.res);
}

}  // namespace

void add_group_routes(Router& router) {
  const std::set<ApiVersion> v2022 = {ApiVersion::v2022_07_31, ApiVersion::v2022_10_31_preview};
  router.add("GET", "/api/deviceGroups", list_groups);
  router.add("GET", "/api/deviceGroups/{}", get_group, v2022);
  router.add("PUT", "/api/deviceGroups/{}", put_group, v2022);
  router.add("PATCH", "/api/deviceGroups/{}", patch_group, v2022);
  router.add("DELETE", "/api/deviceGroups/{}", delete_group, v2022);
  router.add("GET", "/api/deviceGroups/{}/devices", list_group_devices, v2022);
}

}  // namespace iotc::emulator
