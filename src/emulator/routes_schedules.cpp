// The scheduled jobs endpoints (2022 versions): list, get, create or replace (PUT), merge patch
// (PATCH, If-Match in 2022-10-31-preview), delete, and the jobs a schedule started.
#include <limits>

#include "emulator/api_error.hpp"
#include "emulator/job_checks.hpp"
#include "emulator/router.hpp"
#include "emulator/views.hpp"
#include "model/job_json.hpp"
#include "model/schedule_validation.hpp"
#include "model/validation.hpp"
#include "util/uuid.hpp"

namespace iotc::emulator {
namespace {

using iotc::model::ApiVersion;

// The members a client may not set: id from the path, the rest from the service.
constexpr const char* kReadOnly[] = {"id", "etag", "completed"};

std::string new_etag() {
  return "\"" + util::new_uuid_v4() + "\"";
}

// A scheduled job outside the caller's scope is not found: its existence is not revealed.
ScheduleRecord find_schedule(Call& call, const std::string& id) {
  auto schedule = call.app.schedules.find(id, call.scope);
  if (!schedule) {
    throw ApiError(404, codes::kScheduledJobNotFound, "Scheduled job '" + id + "' not found.");
  }
  return *schedule;
}

Json schedule_view(const ScheduleRecord& record, ApiVersion version) {
  iotc::model::Problems ignored;
  auto scheduled = iotc::model::scheduled_job_from_json(record.body, ignored);
  scheduled.job.id = record.id;
  scheduled.completed = record.completed;
  scheduled.etag = record.etag;
  keep_type_names(scheduled.job.data, version);
  return iotc::model::to_json(scheduled, version);
}

// Reads and checks a whole definition (a PUT's body, or the result of a PATCH): 400 with every
// problem, 422 for a group, organization or template the app lacks. Returns the body to store.
Json accepted_body(Call& call, const Json& payload) {
  iotc::model::ScheduledJob scheduled;
  auto problems = iotc::model::check_scheduled_job_payload(payload, call.version, &scheduled);
  if (!problems.empty()) {
    std::string message = "The scheduled job is not valid: ";
    for (std::size_t i = 0; i < problems.size(); ++i) {
      message += (i ? "; " : "") + problems[i].to_string();
    }
    throw ApiError(400, codes::kInvalidScheduledJob, message + ".");
  }
  if (!call.app.store->group(*scheduled.job.group, call.scope)) {
    throw ApiError(422, codes::kDeviceGroupNotFound,
                   "group: device group '" + *scheduled.job.group + "' not found.");
  }
  check_organization(call, scheduled.job);
  check_references(call, scheduled.job);
  Json body = normalise(scheduled.job);
  body.erase("id");
  scheduled.schedule->extra = Json::object();
  if (scheduled.schedule->end) scheduled.schedule->end->extra = Json::object();
  scheduled.job = iotc::model::Job();
  scheduled.completed.reset();
  scheduled.etag.reset();
  // A definition sent without `enabled` is stored disabled, as the service's documentation
  // shows it coming back.
  if (!scheduled.enabled) scheduled.enabled = false;
  const Json members = iotc::model::to_create_body(scheduled, kStorageVersion);
  for (auto member = members.begin(); member != members.end(); ++member) {
    body[member.key()] = *member;
  }
  return body;
}

std::optional<std::string> organization_of(const Json& body) {
  const auto found = body.find("organizations");
  if (found == body.end() || !found->is_array() || found->empty() || !(*found)[0].is_string()) {
    return std::nullopt;
  }
  return (*found)[0].get<std::string>();
}

void refuse_while_active(Call& call, const ScheduleRecord& schedule) {
  if (call.app.schedules.has_active_job(schedule.id)) {
    throw ApiError(409, codes::kScheduledJobHasActiveJobs,
                   "Scheduled job '" + schedule.id +
                       "' cannot be updated: update is not allowed if there are any active "
                       "running job instances.");
  }
}

// Writes `record` with a new etag and its occurrences placed at now, then lets the scheduler
// start an occurrence that falls due now.
void save_and_answer(Call& call, ScheduleRecord& record, bool is_new, bool schedule_changed) {
  record.etag = new_etag();
  record.organization = organization_of(record.body);
  Scheduler::place(record, call.app.engine.now(), schedule_changed);
  {
    Transaction tx(call.app.store->db());
    if (is_new) {
      call.app.schedules.insert(record);
    } else {
      call.app.schedules.update(record);
    }
    tx.commit();
  }
  call.app.engine.advance();
  send_json(call.res, 200, schedule_view(*call.app.schedules.find(record.id), call.version));
}

void list_schedules(Call& call) {
  call.app.engine.advance();
  auto page = page_request(call);
  auto rows = call.app.schedules.after(token_number(page, 0), page.size + 1, call.scope);
  send_page(
      call, page, rows,
      [&](const ScheduleRecord& record) { return schedule_view(record, call.version); },
      [](const ScheduleRecord& record) { return std::to_string(record.seq); });
}

void get_schedule(Call& call) {
  call.app.engine.advance();
  send_json(call.res, 200, schedule_view(find_schedule(call, call.params[0]), call.version));
}

void put_schedule(Call& call) {
  const std::string& id = call.params[0];
  if (!iotc::model::is_valid_job_id(id)) {
    throw ApiError(
        400, codes::kInvalidScheduledJob,
        "The scheduled job id '" + id + "' is not valid: " + iotc::model::kJobIdRule + ".");
  }
  Json body = accepted_body(call, parse_body(call));
  call.app.engine.advance();
  // PUT is create-or-update (the spec); ids are unique in the app, so one outside the caller's
  // scope still takes its id.
  if (auto existing = call.app.schedules.find(id)) {
    if (!call.app.schedules.find(id, call.scope)) {
      throw ApiError(409, codes::kJobAlreadyExists,
                     "A scheduled job with id '" + id + "' already exists.");
    }
    refuse_while_active(call, *existing);
    const bool changed = existing->body["schedule"] != body["schedule"];
    existing->body = std::move(body);
    return save_and_answer(call, *existing, false, changed);
  }
  ScheduleRecord record;
  record.id = id;
  record.body = std::move(body);
  save_and_answer(call, record, true, true);
}

void patch_schedule(Call& call) {
  call.app.engine.advance();
  ScheduleRecord record = find_schedule(call, call.params[0]);
  // If-Match exists in 2022-10-31-preview only; "*" matches any etag.
  if (call.version == ApiVersion::v2022_10_31_preview && call.req.has_header("If-Match")) {
    const std::string wanted = call.req.get_header_value("If-Match");
    if (wanted != "*" && wanted != record.etag) {
      throw ApiError(412, codes::kPreconditionFailed,
                     "The scheduled job '" + record.id + "' has changed: its etag is " +
                         record.etag + ", not " + wanted + ".");
    }
  }
  Json patch = parse_body(call);
  if (!patch.is_object()) {
    throw ApiError(400, codes::kInvalidScheduledJob,
                   "The body must be a JSON merge patch: an object.");
  }
  for (const char* member : kReadOnly) patch.erase(member);
  refuse_while_active(call, record);
  Json merged = schedule_view(record, call.version);
  for (const char* member : kReadOnly) merged.erase(member);
  merged.merge_patch(patch);
  Json body = accepted_body(call, merged);
  const bool changed = record.body["schedule"] != body["schedule"];
  record.body = std::move(body);
  save_and_answer(call, record, false, changed);
}

void delete_schedule(Call& call) {
  call.app.engine.advance();
  const ScheduleRecord record = find_schedule(call, call.params[0]);
  // The jobs it started go on: they are jobs of their own.
  call.app.schedules.remove(record.id);
  send_no_content(call.res);
}

void list_schedule_jobs(Call& call) {
  call.app.engine.advance();
  const ScheduleRecord record = find_schedule(call, call.params[0]);
  auto page = page_request(call);
  auto jobs = call.app.schedules.jobs_before(
      record.id, token_number(page, std::numeric_limits<std::int64_t>::max()), page.size + 1);
  // Newest first, as the service's example lists them.
  send_page(
      call, page, jobs, [&](const JobRecord& job) { return job_view(job, call.version); },
      [](const JobRecord& job) { return std::to_string(job.seq); });
}

}  // namespace

void add_schedule_routes(Router& router) {
  const std::set<ApiVersion> v2022 = {ApiVersion::v2022_07_31, ApiVersion::v2022_10_31_preview};
  router.add("GET", "/api/scheduledJobs", list_schedules, v2022);
  router.add("GET", "/api/scheduledJobs/{}", get_schedule, v2022);
  router.add("PUT", "/api/scheduledJobs/{}", put_schedule, v2022);
  router.add("PATCH", "/api/scheduledJobs/{}", patch_schedule, v2022);
  router.add("DELETE", "/api/scheduledJobs/{}", delete_schedule, v2022);
  router.add("GET", "/api/scheduledJobs/{}/jobs", list_schedule_jobs, v2022);
}

}  // namespace iotc::emulator
