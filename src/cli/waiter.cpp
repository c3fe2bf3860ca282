#include "cli/waiter.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "errors.hpp"
#include "model/status.hpp"

namespace iotc::cli {
namespace {

std::string status_of(const model::Json& job) {
  const auto status = job.find("status");
  return status != job.end() && status->is_string() ? status->get<std::string>() : "unknown";
}

std::int64_t count(const model::Json& progress, const char* name) {
  const auto found = progress.find(name);
  return found != progress.end() && found->is_number_integer() ? found->get<std::int64_t>() : 0;
}

std::string describe_duration(std::chrono::milliseconds duration) {
  using namespace std::chrono;
  if (duration < 1s) return fmt::format("{}ms", duration.count());
  const auto total = duration_cast<seconds>(duration).count();
  if (total < 60) return fmt::format("{}s", total);
  if (total % 60 == 0) return fmt::format("{}m", total / 60);
  return fmt::format("{}m{}s", total / 60, total % 60);
}

std::string still_running(std::string_view job_id, const std::string& status,
                          std::chrono::milliseconds timeout) {
  return fmt::format(
      "job {} is still {} after {}; it goes on at the service (wait again with: iotc-jobs wait "
      "{})",
      std::string(job_id), status, describe_duration(timeout), std::string(job_id));
}

// Sleeps `duration` in short slices, checking for Ctrl-C.
void interruptible_sleep(api::Clock& clock, std::chrono::milliseconds duration,
                         const InterruptFlag& interrupt) {
  while (duration.count() > 0) {
    check_interrupt(interrupt);
    const auto slice = std::min(duration, kInterruptCheck);
    clock.sleep_for(slice);
    duration -= slice;
  }
  check_interrupt(interrupt);
}

}  // namespace

output::ProgressSnapshot snapshot_of(api::Client& client, const model::Json& job) {
  output::ProgressSnapshot snapshot;
  snapshot.job_id = job.value("id", std::string());
  snapshot.status = status_of(job);
  const auto progress = job.find("progress");
  if (progress != job.end() && progress->is_object()) {
    snapshot.total = count(*progress, "total");
    snapshot.completed = count(*progress, "completed");
    snapshot.failed = count(*progress, "failed");
    return snapshot;
  }
  // No progress in this api-version: count the job's devices.
  std::int64_t total = 0;
  auto devices = client.job_devices(snapshot.job_id);
  while (auto device = devices.next()) {
    ++total;
    const auto status = device->value.status();
    if (status == model::DeviceStatus::completed) ++snapshot.completed;
    if (status == model::DeviceStatus::failed) ++snapshot.failed;
  }
  snapshot.total = total;
  return snapshot;
}

WaitResult wait_for_job(api::Client& client, std::string_view job_id, const WaitPlan& plan,
                        output::ProgressDisplay* display, api::Clock& clock,
                        const InterruptFlag& interrupt) {
  const auto deadline = clock.now() + plan.timeout;
  const auto max_interval = plan.interval * kMaxPollIntervalFactor;
  auto interval = plan.interval;
  std::optional<output::ProgressSnapshot> previous;
  while (true) {
    check_interrupt(interrupt);
    WaitResult result;
    try {
      result.job = client.get_job(job_id).raw;
      result.progress = snapshot_of(client, result.job);
    } catch (const TimeoutError&) {
      // The command's one deadline (--timeout) cut this poll. The job was seen running: that is
      // the wait timing out (exit 5). Never seen at all: the service did not answer (exit 1).
      if (!previous) throw;
      if (display) display->finish();
      throw WaitTimeoutError(still_running(job_id, previous->status, plan.timeout));
    }
    if (display) display->update(result.progress);
    if (model::is_finished(model::parse_job_status(result.progress.status))) {
      if (display) display->finish();
      return result;
    }
    const auto now = clock.now();
    if (now >= deadline) {
      if (display) display->finish();
      throw WaitTimeoutError(still_running(job_id, result.progress.status, plan.timeout));
    }
    // Back off while nothing moves; poll at the first pace again once it does.
    if (previous && *previous == result.progress) {
      interval = std::min(
          std::chrono::duration_cast<std::chrono::milliseconds>(interval * kPollBackoffFactor),
          max_interval);
    } else {
      interval = plan.interval;
    }
    previous = result.progress;
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now);
    interruptible_sleep(clock, std::min(interval, left), interrupt);
  }
}

void check_outcome(const WaitResult& result, WaitGoal goal) {
  const auto& progress = result.progress;
  const auto status = model::parse_job_status(progress.status);
  if (goal == WaitGoal::stopped && status == model::JobStatus::stopped) return;
  // Devices neither completed nor failed are still pending (offline, or never reached).
  const std::int64_t pending =
      progress.total
          ? std::max<std::int64_t>(0, *progress.total - progress.completed - progress.failed)
          : 0;
  const std::string devices = progress.total
                                  ? fmt::format("{} of {} devices failed, {} still pending",
                                                progress.failed, *progress.total, pending)
                                  : fmt::format("{} devices failed", progress.failed);
  if (status == model::JobStatus::failed || status == model::JobStatus::cancelled ||
      status == model::JobStatus::stopped) {
    throw JobFailedError(
        fmt::format("job {} ended {}: {}", progress.job_id, progress.status, devices));
  }
  if (progress.failed > 0 || pending > 0) {
    throw JobFailedError(
        fmt::format("job {} is {}, but {}", progress.job_id, progress.status, devices));
  }
}

}  // namespace iotc::cli
