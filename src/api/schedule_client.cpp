#include "api/schedule_client.hpp"

#include "api/client_errors.hpp"
#include "errors.hpp"
#include "model/job_json.hpp"

namespace iotc::api {
namespace {

model::ScheduledJob read_schedule(const model::Json& json) {
  model::Problems ignored;  // the service's own answer: read what can be read
  return model::scheduled_job_from_json(json, ignored);
}

model::Job read_job(const model::Json& json) {
  model::Problems ignored;
  return model::job_from_json(json, ignored);
}

std::string what_of(std::string_view id) {
  return "scheduled job '" + std::string(id) + "'";
}

}  // namespace

void ScheduleClient::require_version() const {
  const auto version = client_.options().api_version;
  if (!model::has_scheduled_jobs(version)) {
    throw UsageError("scheduled jobs do not exist in api-version " +
                     std::string(model::to_string(version)) +
                     ": use --api-version 2022-07-31 or 2022-10-31-preview");
  }
}

std::string ScheduleClient::url(std::string_view id, std::string_view tail, bool paged) const {
  std::string path = "/scheduledJobs";
  if (!id.empty()) path += "/" + encode_path_segment(id);
  return client_.url_for(path + std::string(tail), paged);
}

Pager<model::ScheduledJob> ScheduleClient::list() {
  require_version();
  return {RawPager(client_.pages(), url({}, {}, true), "the scheduled job list"), read_schedule};
}

Item<model::ScheduledJob> ScheduleClient::get(std::string_view id) {
  require_version();
  Request request = client_.make_request(Method::get, url(id));
  model::Json raw = parse_body(client_.call(request, true, what_of(id)), request);
  return {read_schedule(raw), std::move(raw)};
}

Request ScheduleClient::create_request(std::string_view id, const model::Json& body) const {
  return client_.make_request(Method::put, url(id), body.dump());
}

CreatedSchedule ScheduleClient::create(std::string_view id, const model::Json& body) {
  require_version();
  const auto get_existing = [&]() -> std::optional<model::Json> {
    try {
      return get(id).raw;
    } catch (const NotFoundError&) {
      return std::nullopt;
    }
  };
  Client::Confirmed confirmed =
      client_.put_confirmed(create_request(id, body), body, "scheduled job", id, get_existing);
  CreatedSchedule created;
  created.raw = std::move(confirmed.raw);
  created.confirmed_after_lost_answer = confirmed.after_lost_answer;
  created.value = read_schedule(created.raw);
  return created;
}

Request ScheduleClient::update_request(std::string_view id, const model::Json& patch,
                                       const std::optional<std::string>& if_match) const {
  Request request = client_.make_request(Method::patch, url(id), patch.dump());
  request.headers.set("Content-Type", "application/merge-patch+json");
  if (if_match) request.headers.add("If-Match", *if_match);
  return request;
}

Item<model::ScheduledJob> ScheduleClient::update(std::string_view id, const model::Json& patch,
                                                 const std::optional<std::string>& if_match) {
  require_version();
  Client::Confirmed confirmed =
      client_.patch_confirmed(update_request(id, patch, if_match), patch, what_of(id),
                              [&] { return std::optional<model::Json>(get(id).raw); });
  model::ScheduledJob value = read_schedule(confirmed.raw);
  return {std::move(value), std::move(confirmed.raw)};
}

void ScheduleClient::remove(std::string_view id) {
  require_version();
  client_.delete_confirmed(client_.make_request(Method::del, url(id)), what_of(id));
}

Pager<model::Job> ScheduleClient::jobs(std::string_view id) {
  require_version();
  return {RawPager(client_.pages(), url(id, "/jobs", true), what_of(id)), read_job};
}

}  // namespace iotc::api
