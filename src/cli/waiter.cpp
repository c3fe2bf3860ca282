#include "cli/waiter.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "api/retry_policy.hpp"
#include "errors.hpp"
#include "model/count.hpp"
#include "model/status.hpp"

namespace iotc::cli {
namespace {

std::string status_of(const model::Json& job) {
  const auto status = job.find("status");
  return status != job.end() && status->is_string() ? status->get<std::string>() : "unknown";
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
    // 3.0 is 3 (a wait must not pass a job with "failed": 3.0); 1e300 or -5 is exit 1.
    snapshot.total = model::progress_count(*progress, "total");
    snapshot.completed = model::progress_count(*progress, "completed");
    snapshot.failed = model::progress_count(*progress, "failed");
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

namespace {

// A failed poll that a later poll may not meet: throttling, a server error, the network. The
// client has retried it already.
bool passes(const std::exception_ptr& failure) {
  try {
    std::rethrow_exception(failure);
  } catch (const NotFoundError&) {
    return false;
  } catch (const AuthError&) {
    return false;
  } catch (const ServiceError& error) {
    return api::is_retryable_status(error.http_status());
  } catch (const NetworkError&) {
    return true;
  } catch (...) {
    return false;
  }
}

// The polls of one wait: what was seen, what failed since, and when the log last got a line.
class Poller {
 public:
  Poller(std::string_view job_id, const WaitPlan& plan, output::ProgressDisplay* display,
         api::Clock& clock, const InterruptFlag& interrupt)
      : job_id_(job_id),
        plan_(plan),
        display_(display),
        clock_(clock),
        interrupt_(interrupt),
        start_(clock.now()),
        deadline_(start_ + plan.timeout),
        last_line_(start_),
        interval_(plan.interval) {}

  api::Clock::time_point deadline() const { return deadline_; }
  bool seen() const { return previous_.has_value(); }

  // A poll answered: shows it; the next poll comes sooner when the job moved.
  void answered(const output::ProgressSnapshot& snapshot) {
    if (failing_since_) {
      failing_since_.reset();
      failure_.clear();
    }
    if (display_ && display_->update(snapshot)) last_line_ = clock_.now();
    // Back off while nothing moves; poll at the first pace again once it does.
    interval_ = previous_ && *previous_ == snapshot ? longer(interval_) : plan_.interval;
    previous_ = snapshot;
  }

  // A poll failed for a reason that passes: says so once, and polls less often until it
  // answers again.
  void failed(const std::string& why) {
    if (!failing_since_) {
      failing_since_ = clock_.now();
      if (display_) {
        display_->message(fmt::format(
            "{}: a poll failed ({}); polling on until the timeout ({} left)", std::string(job_id_),
            why, describe_duration(left())));
        last_line_ = clock_.now();
      }
    }
    failure_ = why;
    interval_ = longer(interval_);
  }

  // Sleeps until the next poll (or the deadline), writing heartbeats to a log on the way.
  void sleep() {
    const auto wake = clock_.now() + std::min(interval_, left());
    while (true) {
      const auto now = clock_.now();
      if (now >= wake) break;
      auto until = wake;
      if (display_ && display_->is_log()) until = std::min(until, last_line_ + plan_.heartbeat);
      interruptible_sleep(clock_, std::chrono::ceil<std::chrono::milliseconds>(until - now),
                          interrupt_);
      heartbeat();
    }
  }

  // The job is still running when the time is up: exit 5, with why the polls failed if they
  // did.
  [[noreturn]] void time_up() {
    if (display_) display_->finish();
    std::string message =
        still_running(job_id_, previous_ ? previous_->status : "unknown", plan_.timeout);
    if (failing_since_) {
      message += fmt::format(
          "; the polls of the last {} failed: {}",
          describe_duration(std::chrono::duration_cast<std::chrono::milliseconds>(
              clock_.now() - *failing_since_)),
          failure_);
    }
    throw WaitTimeoutError(message);
  }

 private:
  std::chrono::milliseconds left() const {
    return std::max(std::chrono::milliseconds(0),
                    std::chrono::duration_cast<std::chrono::milliseconds>(deadline_ - clock_.now()));
  }

  std::chrono::milliseconds longer(std::chrono::milliseconds interval) const {
    return std::min(
        std::chrono::duration_cast<std::chrono::milliseconds>(interval * kPollBackoffFactor),
        plan_.interval * kMaxPollIntervalFactor);
  }

  void heartbeat() {
    if (!display_ || !display_->is_log() || !previous_) return;
    const auto now = clock_.now();
    if (now - last_line_ < plan_.heartbeat) return;
    std::string line = output::ProgressDisplay::plain_line(*previous_) + " (still waiting after " +
                       describe_duration(std::chrono::duration_cast<std::chrono::milliseconds>(
                           now - start_));
    if (failing_since_) {
      line += "; no answer for " +
              describe_duration(
                  std::chrono::duration_cast<std::chrono::milliseconds>(now - *failing_since_)) +
              ": " + failure_;
    }
    display_->message(line + ")");
    last_line_ = now;
  }

  std::string_view job_id_;
  const WaitPlan& plan_;
  output::ProgressDisplay* display_;
  api::Clock& clock_;
  const InterruptFlag& interrupt_;
  api::Clock::time_point start_;
  api::Clock::time_point deadline_;
  api::Clock::time_point last_line_;  // when the log last got a line
  std::chrono::milliseconds interval_;
  std::optional<output::ProgressSnapshot> previous_;
  std::optional<api::Clock::time_point> failing_since_;
  std::string failure_;  // why the latest poll failed
};

}  // namespace

WaitResult wait_for_job(api::Client& client, std::string_view job_id, const WaitPlan& plan,
                        output::ProgressDisplay* display, api::Clock& clock,
                        const InterruptFlag& interrupt) {
  Poller poller(job_id, plan, display, clock, interrupt);
  while (true) {
    check_interrupt(interrupt);
    WaitResult result;
    try {
      result.job = client.get_job(job_id).raw;
      result.progress = snapshot_of(client, result.job);
      poller.answered(result.progress);
      if (model::is_finished(model::parse_job_status(result.progress.status))) {
        if (display) display->finish();
        return result;
      }
    } catch (const TimeoutError&) {
      // The command's one deadline (--timeout) cut this poll. The job was seen running: that is
      // the wait timing out (exit 5). Never seen at all: the service did not answer (exit 1).
      if (!poller.seen()) throw;
      poller.time_up();
    } catch (const Error& error) {
      if (!poller.seen() || !passes(std::current_exception())) throw;
      poller.failed(error.what());
    }
    if (clock.now() >= poller.deadline()) poller.time_up();
    poller.sleep();
  }
}

void check_outcome(const WaitResult& result, WaitGoal goal) {
  const auto& progress = result.progress;
  const auto status = model::parse_job_status(progress.status);
  if (goal == WaitGoal::stopped && status == model::JobStatus::stopped) return;
  // Devices neither completed nor failed are still pending (offline, or never reached).
  const std::int64_t pending =
      progress.total
          ? *progress.total -
                std::min(*progress.total, model::count_sum(progress.completed, progress.failed))
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
