#include "emulator/scheduler.hpp"

#include <algorithm>
#include <chrono>

#include "model/job_json.hpp"
#include "model/schedule_times.hpp"
#include "util/uuid.hpp"

namespace iotc::emulator {
namespace {

using iotc::model::SystemTime;

SystemTime to_system(TimeMs time) {
  return SystemTime(
      std::chrono::duration_cast<SystemTime::duration>(std::chrono::milliseconds(time)));
}

TimeMs to_ms(SystemTime time) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(time.time_since_epoch()).count();
}

std::optional<iotc::model::Occurrences> rule_of(const ScheduleRecord& schedule) {
  iotc::model::Problems ignored;
  const auto scheduled = iotc::model::scheduled_job_from_json(schedule.body, ignored);
  if (!scheduled.schedule) return std::nullopt;
  return iotc::model::occurrences_of(*scheduled.schedule);
}

}  // namespace

void Scheduler::place(ScheduleRecord& schedule, TimeMs now, bool schedule_changed) {
  const auto rule = rule_of(schedule);
  if (!rule) {
    schedule.completed = true;
    return;
  }
  const std::int64_t past = iotc::model::occurrences_until(*rule, to_system(now - kStartGrace - 1));
  schedule.next_occurrence = schedule_changed ? past : std::max(schedule.next_occurrence, past);
  schedule.completed = !iotc::model::occurrence(*rule, schedule.next_occurrence);
}

void Scheduler::run_due(TimeMs now) {
  for (ScheduleRecord& schedule : schedules_.not_completed()) {
    const auto rule = rule_of(schedule);
    if (!rule) continue;
    const std::int64_t passed = iotc::model::occurrences_until(*rule, to_system(now));
    bool changed = false;
    if (passed > schedule.next_occurrence) {
      std::int64_t without_job = passed - schedule.next_occurrence;
      if (schedule.enabled()) {
        start_occurrence(schedule, to_ms(*iotc::model::occurrence(*rule, passed - 1)));
        --without_job;
      }
      schedule.skipped += without_job;
      schedule.next_occurrence = passed;
      changed = true;
    }
    const bool completed = !iotc::model::occurrence(*rule, schedule.next_occurrence);
    if (completed != schedule.completed) {
      schedule.completed = completed;
      changed = true;
    }
    if (changed) schedules_.update(schedule);
  }
}

void Scheduler::start_occurrence(ScheduleRecord& schedule, TimeMs at) {
  Json body = schedule.body;
  body.erase("schedule");
  body.erase("enabled");
  iotc::model::Problems ignored;
  const iotc::model::Job job = iotc::model::job_from_json(body, ignored);
  const auto group = job.group ? store_.group(*job.group) : std::nullopt;
  if (!group) {
    ++schedule.skipped;  // its group is gone: nothing to run on
    return;
  }
  schedule.runs += 1;
  // The service's example names them "<displayName> - <n>".
  const std::string name = job.display_name.value_or(schedule.id);
  body["displayName"] = name + " - " + std::to_string(schedule.runs);
  body["scheduledJobId"] = schedule.id;
  engine_.create_at(util::new_uuid_v4(), body, job, *group, at);
}

}  // namespace iotc::emulator
