#pragma once
// The scheduler: starts the job of each scheduled job's occurrence on the emulator's clock.
//
// Like the engine it is lazy: every advance of the engine first asks it for the occurrences that
// fell due since the last one (Engine::set_due_hook), inside the engine's transaction, so that a
// job and the schedule's new position are written together and a kill -9 cannot run one
// occurrence twice. After a clock jump past several occurrences it starts one job, for the
// latest of them, as a Kubernetes CronJob does; the others are skipped and still count toward
// `occurrences` (docs/emulator.md, inferred behaviours). A disabled schedule's occurrences pass
// without a job.

#include "emulator/engine.hpp"
#include "emulator/store_schedules.hpp"

namespace iotc::emulator {

class Scheduler {
 public:
  Scheduler(Store& store, ScheduleStore& schedules, Engine& engine)
      : store_(store), schedules_(schedules), engine_(engine) {}

  // Starts the jobs of the occurrences due at or before `now`.
  void run_due(TimeMs now);

  // Where a schedule stands after a write through the API at `now`. A new or changed schedule
  // starts afresh: occurrences more than kStartGrace before now are past, a later one is due (so
  // that a start of "now", which is a little behind by the time it arrives, runs). An unchanged
  // schedule keeps its place. `completed` when no occurrence is left.
  static void place(ScheduleRecord& schedule, TimeMs now, bool schedule_changed);

  static constexpr TimeMs kStartGrace = 60'000;

 private:
  void start_occurrence(ScheduleRecord& schedule, TimeMs at);

  Store& store_;
  ScheduleStore& schedules_;
  Engine& engine_;
};

}  // namespace iotc::emulator
