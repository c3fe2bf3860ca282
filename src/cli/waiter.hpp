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
};

struct WaitResult {
  model::Json job;                    // the last answer, as the service sent it
  output::ProgressSnapshot progress;  // its device counts
};

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
