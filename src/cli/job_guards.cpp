#include "cli/job_guards.hpp"

#include <fmt/format.h>

#include "cli/waiter.hpp"
#include "errors.hpp"
#include "model/status.hpp"

namespace iotc::cli {
namespace {

std::string text_member(const model::Json& job, const char* name) {
  const auto found = job.find(name);
  return found != job.end() && found->is_string() ? found->get<std::string>() : std::string();
}

model::JobStatus status_of(const model::Json& job) {
  return model::parse_job_status(text_member(job, "status"));
}

}  // namespace

std::string describe_state(const model::Json& job) {
  std::string status = text_member(job, "status");
  if (status.empty()) status = "status unknown";
  const std::string end = text_member(job, "end");
  return end.empty() ? status : status + ", ended " + end;
}

void refuse_existing_job(api::Client& client, std::string_view job_id) {
  model::Json job;
  try {
    job = client.get_job(job_id).raw;
  } catch (const NotFoundError&) {
    return;
  }
  throw ConflictError(fmt::format("job {} already exists ({}); nothing was created",
                                  std::string(job_id), describe_state(job)));
}

std::optional<model::Json> already_stopped(api::Client& client, std::string_view job_id) {
  model::Json job = client.get_job(job_id).raw;
  const auto status = status_of(job);
  if (status == model::JobStatus::stopped) return job;
  if (model::is_finished(status)) {
    throw ConflictError(fmt::format("stop of {} refused: it has ended ({}); nothing changed",
                                    std::string(job_id), describe_state(job)));
  }
  return std::nullopt;
}

std::optional<model::Json> already_running(api::Client& client, std::string_view job_id) {
  model::Json job = client.get_job(job_id).raw;
  const auto status = status_of(job);
  if (status == model::JobStatus::pending || status == model::JobStatus::running) return job;
  if (status != model::JobStatus::stopped && model::is_finished(status)) {
    throw ConflictError(fmt::format(
        "resume of {} refused: it has ended ({}); only a stopped job resumes; nothing changed",
        std::string(job_id), describe_state(job)));
  }
  return std::nullopt;
}

void check_rerunnable(api::Client& client, std::string_view job_id) {
  const model::Json job = client.get_job(job_id).raw;
  if (!model::is_finished(status_of(job))) {
    throw ConflictError(
        fmt::format("rerun of {} refused: it is still {}; wait for it to end (iotc-jobs wait {})",
                    std::string(job_id), text_member(job, "status"), std::string(job_id)));
  }
  if (snapshot_of(client, job).failed == 0) {
    throw ConflictError(
        fmt::format("rerun of {} refused: it has no failed devices ({}); nothing was created",
                    std::string(job_id), describe_state(job)));
  }
}

}  // namespace iotc::cli
