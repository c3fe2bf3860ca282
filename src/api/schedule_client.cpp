#include "api/schedule_client.hpp"

#include "api/client_errors.hpp"
#include "api/sent_match.hpp"
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

// A merge patch's null removes a member: the scheduled job holds what was sent when it lacks it.
bool holds(const model::Json& patch, const model::Json& stored) {
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
  return {RawPager(client_, url({}, {}, true), "the scheduled job list"), read_schedule};
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
  CreatedSchedule created;
  created.raw = client_.create_confirmed(create_request(id, body), body, "scheduled job", id,
                                         get_existing, created.confirmed_after_lost_answer);
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
  const Request request = update_request(id, patch, if_match);
  const int max_retries = client_.options_.retry.max_retries;
  // A merge patch is idempotent: it is sent again after a lost answer.
  SendOutcome outcome = send_with_retries(
      client_.transport_, request, true, client_.deadline_for_call(), client_.policy_,
      client_.clock_, [&](const AttemptInfo& info) { client_.tracer_.attempt(info, max_retries); });
  if (auto* response = std::get_if<Response>(&outcome.result)) {
    if (response->status >= 200 && response->status < 300) {
      client_.note_service_date(*response);
      model::Json raw = parse_body(*response, request);
      return {read_schedule(raw), std::move(raw)};
    }
    if (response->status == 412) {
      // After a retry, the first try may have gone through and changed the etag.
      if (outcome.retries > 0) {
        auto current = get(id);
        if (holds(patch, current.raw)) return current;
      }
      throw ConflictError("update of " + what_of(id) + " refused: it has changed since etag " +
                          if_match.value_or("*") +
                          " (412 Precondition Failed); show it again and retry; nothing was "
                          "changed");
    }
  }
  throw_call_error(outcome, request, client_.options_, what_of(id));
}

void ScheduleClient::remove(std::string_view id) {
  require_version();
  const Request request = client_.make_request(Method::del, url(id));
  const int max_retries = client_.options_.retry.max_retries;
  SendOutcome outcome = send_with_retries(
      client_.transport_, request, true, client_.deadline_for_call(), client_.policy_,
      client_.clock_, [&](const AttemptInfo& info) { client_.tracer_.attempt(info, max_retries); });
  if (auto* response = std::get_if<Response>(&outcome.result)) {
    if (response->status >= 200 && response->status < 300) return;
    // A retry that finds it gone: the first try, whose answer was lost, deleted it.
    if (response->status == 404 && outcome.retries > 0) return;
  }
  throw_call_error(outcome, request, client_.options_, what_of(id));
}

Pager<model::Job> ScheduleClient::jobs(std::string_view id) {
  require_version();
  return {RawPager(client_, url(id, "/jobs", true), what_of(id)), read_job};
}

}  // namespace iotc::api
