// The device group calls of api::Client (docs/design.md §1): list, one, its devices, and the
// writes of the 2022 versions.
#include "api/client.hpp"
#include "api/client_errors.hpp"
#include "api/url.hpp"
#include "errors.hpp"
#include "model/job_json.hpp"

namespace iotc::api {
namespace {

model::DeviceGroup read_device_group(const model::Json& json) {
  model::Problems ignored;  // the service's own answer: read what can be read
  return model::device_group_from_json(json, ignored);
}
model::Json read_raw(const model::Json& json) {
  return json;
}

WrittenGroup written(model::Json raw, bool confirmed) {
  WrittenGroup group;
  group.value = read_device_group(raw);
  group.raw = std::move(raw);
  group.confirmed_after_lost_answer = confirmed;
  return group;
}

}  // namespace

Pager<model::DeviceGroup> Client::list_device_groups(const GroupListQuery& query) {
  std::string url = url_for("/deviceGroups", true);
  if (query.filter) url = with_query_parameter(url, "filter", encode_path_segment(*query.filter));
  if (query.orderby) url = with_query_parameter(url, "orderby", encode_path_segment(*query.orderby));
  return {RawPager(pages(), std::move(url), "the device group list"), read_device_group};
}

Item<model::DeviceGroup> Client::get_device_group(std::string_view group_id) {
  Request request =
      make_request(Method::get, url_for("/deviceGroups/" + encode_path_segment(group_id)));
  model::Json raw = parse_body(call(request, true, quoted("device group", group_id)), request);
  return {read_device_group(raw), std::move(raw)};
}

Pager<model::Json> Client::device_group_devices(std::string_view group_id) {
  std::string url = url_for("/deviceGroups/" + encode_path_segment(group_id) + "/devices", true);
  return {RawPager(pages(), std::move(url), quoted("device group", group_id)), read_raw};
}

WrittenGroup Client::create_device_group(std::string_view group_id, const model::Json& body) {
  const Request request = make_request(
      Method::put, url_for("/deviceGroups/" + encode_path_segment(group_id)), body.dump());
  Confirmed confirmed = put_confirmed(request, body, "device group", group_id, [&] {
    std::optional<model::Json> raw;
    try {
      raw = get_device_group(group_id).raw;
    } catch (const NotFoundError&) {
    }
    return raw;
  });
  return written(std::move(confirmed.raw), confirmed.after_lost_answer);
}

WrittenGroup Client::update_device_group(std::string_view group_id, const model::Json& patch,
                                         const std::optional<std::string>& if_match) {
  Request request = make_request(
      Method::patch, url_for("/deviceGroups/" + encode_path_segment(group_id)), patch.dump());
  if (if_match) request.headers.add("If-Match", *if_match);
  Confirmed confirmed =
      patch_confirmed(request, patch, quoted("device group", group_id), [&] {
        return std::optional<model::Json>(get_device_group(group_id).raw);
      });
  return written(std::move(confirmed.raw), confirmed.after_lost_answer);
}

bool Client::delete_device_group(std::string_view group_id) {
  const Request request =
      make_request(Method::del, url_for("/deviceGroups/" + encode_path_segment(group_id)));
  try {
    return delete_confirmed(request, quoted("device group", group_id));
  } catch (const ServiceError& error) {
    // 422: a job or a schedule uses the group; the service refuses, nothing changed.
    if (error.http_status() != 422) throw;
    throw ConflictError(std::string(error.what()) + "; nothing was deleted");
  }
}

}  // namespace iotc::api
