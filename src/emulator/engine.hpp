#pragma once
// The job engine: runs jobs device by device, batch by batch, on emulated time.
//
// It is lazy: nothing runs between requests. advance() replays every event (a batch's devices
// settling, a batch ending, a queued job taking a free slot) from the last call up to the
// clock's now, in time order, so a job over 100,000 devices costs a few SQL statements per
// batch, whatever the time scale. Callers hold the server's state lock.

#include <functional>
#include <optional>
#include <string>

#include "emulator/clock.hpp"
#include "emulator/store.hpp"
#include "model/job.hpp"

namespace iotc::emulator {

inline constexpr TimeMs kDefaultDeviceTimeMs = 1000;
inline constexpr TimeMs kDefaultSlowTimeMs = 10000;
inline constexpr int kMaxRunningJobs = 5;  // the service runs at most 5 jobs at once per app

struct EngineSettings {
  TimeMs device_time_ms = kDefaultDeviceTimeMs;  // how long a device takes to settle
  TimeMs slow_time_ms = kDefaultSlowTimeMs;      // how long a `slow` device takes
  int max_running = kMaxRunningJobs;
};

// The batch size of a job over `total` devices: a number as given, or a percentage of the
// total rounded up; at least 1. No batch: one batch of everything.
std::int64_t batch_size_for(const std::optional<iotc::model::Batch>& batch, std::int64_t total);

class Engine {
 public:
  Engine(Store& store, Clock& clock, EngineSettings settings);

  // Replays every event up to clock.now().
  void advance();

  // A new pending job over the group's current devices (those of the job's organization and its
  // descendants, when it has one). `body` is the normalised payload.
  JobRecord create(const std::string& id, const Json& body, const iotc::model::Job& job,
                   const GroupRecord& group);
  // The same, created and queued at `at` (a scheduled occurrence, which may lie before now),
  // inside the caller's transaction.
  JobRecord create_at(const std::string& id, const Json& body, const iotc::model::Job& job,
                      const GroupRecord& group, TimeMs at);

  // Called at the start of every advance, inside its transaction, with the time it advances to:
  // the scheduler creates the jobs that fall due before the engine runs them.
  using DueHook = std::function<void(TimeMs now)>;
  void set_due_hook(DueHook hook) { due_hook_ = std::move(hook); }
  // A new pending job over the failed devices of `source`.
  JobRecord rerun(const std::string& rerun_id, const JobRecord& source);

  // Both return false when the job's status does not allow it (a finished job).
  bool stop(JobRecord& job);
  bool resume(JobRecord& job);

  const EngineSettings& settings() const { return settings_; }
  TimeMs now() const { return clock_.now(); }

 private:
  void advance_to(TimeMs now);
  TimeMs next_event(const JobRecord& job) const;
  // Applies the job's next event at time `at`; returns true when the job left `running`.
  bool apply_event(JobRecord& job, TimeMs at);
  void start(JobRecord& job, TimeMs at);
  bool begin_batch(JobRecord& job, TimeMs at);  // false when there is no batch left
  bool threshold_exceeded(const JobRecord& job) const;
  std::int64_t batch_end_idx(const JobRecord& job) const;

  Store& store_;
  Clock& clock_;
  EngineSettings settings_;
  TimeMs engine_time_;
  DueHook due_hook_;
};

}  // namespace iotc::emulator
