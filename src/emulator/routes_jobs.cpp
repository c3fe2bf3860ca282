// The jobs endpoints: list, get, create, devices, stop, resume, rerun.
#include <limits>

#include "emulator/api_error.hpp"
#include "emulator/job_checks.hpp"
#include "emulator/router.hpp"
#include "emulator/views.hpp"
#include "model/job_json.hpp"
#include "model/validation.hpp"

namespace iotc::emulator {
namespace {

using iotc::model::ApiVersion;

// A job outside the caller's scope is not found: its existence is not revealed.
JobRecord find_job(Call& call, const std::string& id) {
  auto job = call.app.store->job(id, call.scope);
  if (!job) throw ApiError(404, codes::kJobNotFound, "Job '" + id + "' not found.");
  return *job;
}

void require_job_id(const std::string& id, const char* what) {
  if (!iotc::model::is_valid_job_id(id)) {
    throw ApiError(400, codes::kInvalidJob,
                   std::string("The ") + what + " '" + id +
                       "' is not valid: " + iotc::model::kJobIdRule + ".");
  }
}

std::string status_text(const JobRecord& job) {
  return std::string(iotc::model::to_string(job.status));
}

void list_jobs(Call& call) {
  call.app.engine.advance();
  auto page = page_request(call);
  auto jobs = call.app.store->jobs_before(
      token_number(page, std::numeric_limits<std::int64_t>::max()), page.size + 1, call.scope);
  // Newest first: the token is the last seq shown, and the next page is below it.
  send_page(
      call, page, jobs, [&](const JobRecord& job) { return job_view(job, call.version); },
      [](const JobRecord& job) { return std::to_string(job.seq); });
}

void get_job(Call& call) {
  call.app.engine.advance();
  send_json(call.res, 200, job_view(find_job(call, call.params[0]), call.version));
}

}  // namespace

// The payload as the service keeps it: read-only members and unknown members dropped.
Json normalise(iotc::model::Job job) {
  job.id.reset();
  job.status_text.reset();
  job.start.reset();
  job.end.reset();
  job.progress.reset();
  job.scheduled_job_id.reset();
  job.extra = Json::object();
  for (auto& data : job.data) data.extra = Json::object();
  return iotc::model::to_json(job, kStorageVersion);
}

void check_references(Call& call, const iotc::model::Job& job) {
  // Templates are checked only when the seed declares some.
  if (call.app.store->template_count() == 0) return;
  for (std::size_t i = 0; i < job.data.size(); ++i) {
    const auto& data = job.data[i];
    std::optional<std::string> id = data.is_capability() ? data.target : data.template_id;
    if (id && !call.app.store->template_exists(*id)) {
      throw ApiError(422, codes::kDeviceTemplateNotFound,
                     "data[" + std::to_string(i) + "]: device template '" + *id + "' not found.");
    }
  }
}

// The job's organization must exist in the caller's scope, and its group must be in that
// organization or one of its descendants ("the selected organization determines the available
// device groups"). A caller tied to an organization creates its jobs there unless it names one.
void check_organization(Call& call, iotc::model::Job& job) {
  if (!job.organizations && call.scope) job.organizations = std::vector<std::string>{*call.scope};
  if (!job.organizations || job.organizations->empty()) return;
  const std::string& id = job.organizations->front();
  if (!call.app.store->organization(id, call.scope)) {
    throw ApiError(422, codes::kOrganizationNotFound,
                   "organizations[0]: organization '" + id + "' not found.");
  }
  if (!call.app.store->group(*job.group, id)) {
    throw ApiError(422, codes::kDeviceGroupNotFound,
                   "group: device group '" + *job.group + "' is not in organization '" + id +
                       "' or one of its descendants.");
  }
}

namespace {

void put_job(Call& call) {
  const std::string& id = call.params[0];
  require_job_id(id, "job id");
  Json payload = parse_body(call);
  iotc::model::Job job;
  auto problems = iotc::model::check_job_payload(payload, call.version, &job);
  if (!problems.empty()) {
    std::string message = "The job is not valid: ";
    for (std::size_t i = 0; i < problems.size(); ++i) {
      message += (i ? "; " : "") + problems[i].to_string();
    }
    throw ApiError(400, codes::kInvalidJob, message + ".");
  }
  if (!job.group) throw ApiError(400, codes::kInvalidJob, "The job is not valid: group: required.");
  auto group = call.app.store->group(*job.group, call.scope);
  if (!group) {
    throw ApiError(422, codes::kDeviceGroupNotFound,
                   "group: device group '" + *job.group + "' not found.");
  }
  check_organization(call, job);
  check_references(call, job);
  Json body = normalise(job);
  call.app.engine.advance();
  if (auto existing = call.app.store->job(id)) {
    // --duplicate-create idempotent: a retried PUT of the same job is answered like the first.
    // Job ids are unique in the app, so a job outside the caller's scope still takes its id:
    // 409, and nothing of it shown.
    if (call.app.service.duplicate_create == DuplicateCreate::idempotent && !existing->rerun_of &&
        existing->body == body && call.app.store->job(id, call.scope)) {
      send_json(call.res, 200, job_view(*existing, call.version));
      return;
    }
    throw ApiError(409, codes::kJobAlreadyExists, "A job with id '" + id + "' already exists.");
  }
  auto record = call.app.engine.create(id, body, job, *group);
  send_json(call.res, 200, job_view(record, call.version));
}

void list_job_devices(Call& call) {
  call.app.engine.advance();
  auto job = find_job(call, call.params[0]);
  auto page = page_request(call);
  auto devices =
      call.app.store->job_devices_after(job.seq, token_number(page, 0) - 1, page.size + 1);
  // The token is the next index to read.
  send_page(
      call, page, devices,
      [](const JobDeviceRecord& device) {
        return Json{{"id", device.device_id}, {"status", iotc::model::to_string(device.status)}};
      },
      [](const JobDeviceRecord& device) { return std::to_string(device.idx + 1); });
}

void stop_job(Call& call) {
  call.app.engine.advance();
  auto job = find_job(call, call.params[0]);
  if (!call.app.engine.stop(job)) {
    throw ApiError(422, codes::kInvalidJobState,
                   "Job '" + job.id + "' is " + status_text(job) +
                       ": only a pending or running job can be stopped.");
  }
  send_no_content(call.res);
}

void resume_job(Call& call) {
  call.app.engine.advance();
  auto job = find_job(call, call.params[0]);
  if (!call.app.engine.resume(job)) {
    throw ApiError(
        422, codes::kInvalidJobState,
        "Job '" + job.id + "' is " + status_text(job) + ": only a stopped job can be resumed.");
  }
  call.app.engine.advance();  // takes a free slot at once
  send_no_content(call.res);
}

void rerun_job(Call& call) {
  const std::string& id = call.params[0];
  const std::string& rerun_id = call.params[1];
  require_job_id(rerun_id, "rerun id");
  call.app.engine.advance();
  auto source = find_job(call, id);
  if (auto existing = call.app.store->job(rerun_id)) {
    if (existing->rerun_of == source.id) {  // a retried rerun
      send_json(call.res, 200, job_view(*existing, call.version));
      return;
    }
    throw ApiError(409, codes::kJobAlreadyExists,
                   "A job with id '" + rerun_id + "' already exists.");
  }
  if (!iotc::model::is_finished(source.status)) {
    throw ApiError(
        422, codes::kInvalidJobState,
        "Job '" + id + "' is " + status_text(source) + ": only a finished job can be rerun.");
  }
  if (source.failed == 0) {
    throw ApiError(422, codes::kNoFailedDevices,
                   "Job '" + id + "' has no failed devices to rerun.");
  }
  auto record = call.app.engine.rerun(rerun_id, source);
  send_json(call.res, 200, job_view(record, call.version));
}

}  // namespace

void add_job_routes(Router& router) {
  router.add("GET", "/api/jobs", list_jobs);
  router.add("GET", "/api/jobs/{}", get_job);
  router.add("PUT", "/api/jobs/{}", put_job);
  router.add("GET", "/api/jobs/{}/devices", list_job_devices);
  router.add("POST", "/api/jobs/{}/stop", stop_job);
  router.add("POST", "/api/jobs/{}/resume", resume_job);
  router.add("PUT", "/api/jobs/{}/rerun/{}", rerun_job);
}

}  // namespace iotc::emulator
