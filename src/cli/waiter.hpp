#pragma once
// Waiting for a job to finish: `wait` and every --wait.
//
// Polls GET /jobs/{id} until the job leaves pending/running, within one overall timeout. The
// interval starts at --interval and grows while nothing changes (a long job is not polled at the
// same pace for an hour), and drops back when the job moves. Device counts come from the job's
// `progress`, or, where the api-version has none (preview), from its device list.

#include <chrono>
#include <string>
#include <string_view>

#include "api/client.hpp"
#include "defaults.hpp"
#include "cli/interrupt.hpp"
#include "output/progress.hpp"

namespace iotc::cli {

// The interval grows by this factor after each poll that saw no change...
inline constexpr double kPollBackoffFactor = 1.5;
// ...up to this multiple of the first interval.
inline constexpr int kMaxPollIntervalFactor = 4;
// Sleeps are cut into slices this long, so that Ctrl-C is noticed at once.
inline constexpr std::chrono::milliseconds kInterruptCheck{100};

struct WaitPlan {
  std::chrono::milliseconds timeout;
  std::chrono::milliseconds interval;
  // A log (not a terminal) gets a line at least this often while nothing changes, so that a CI
  // job that prints nothing for minutes is not taken for a hung one.
  std::chrono::milliseconds heartbeat = defaults::kHeartbeatInterval;
};

struct WaitResult {
  model::Json job;                    // the last answer, as the service sent it
  output::ProgressSnapshot progress;  // its device counts
};

// Once the job has been seen, a poll that fails for a reason that passes (throttling, a 5xx, the
// network, after the client's own retries) does not end the wait: polls go on, further apart,
// until the job ends or the timeout passes. Not found (3) and authentication (4) end it at once,
// as does any failure before the job was first seen (a wrong URL must not hang for 30 minutes).
// Throws WaitTimeoutError when the timeout passes first (also when the client's --timeout
// deadline cuts a poll after the job was seen running), InterruptedError on Ctrl-C.
WaitResult wait_for_job(api::Client& client, std::string_view job_id, const WaitPlan& plan,
                        output::ProgressDisplay* display, api::Clock& clock,
                        const InterruptFlag& interrupt);

// The device counts of `job` (from progress, or from the device list when `job` has none).
output::ProgressSnapshot snapshot_of(api::Client& client, const model::Json& job);

// What a wait asked for: `stop --wait` asks for a stopped job, every other wait for a job that
// completed on every device.
enum class WaitGoal { complete, stopped };

// Throws JobFailedError (exit 6) when the job ended other than `goal` asked: failed, cancelled,
// stopped (unless stopping was asked), or complete with devices failed or still pending (an
// offline device stays pending while its job completes). The message counts both.
void check_outcome(const WaitResult& result, WaitGoal goal = WaitGoal::complete);

}  // namespace iotc::cli
