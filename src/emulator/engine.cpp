#include "emulator/engine.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "model/job_json.hpp"

namespace iotc::emulator {
namespace {

using iotc::model::DeviceStatus;
using iotc::model::JobStatus;
using iotc::model::Measure;

constexpr TimeMs kNever = std::numeric_limits<TimeMs>::max();

// A job that ran every batch is complete, whatever its devices did: the service's own example
// (2022-07-31 scheduledjobs_list_jobs.json) shows a job whose one device failed as "complete",
// and the docs keep "failed" for a job that "didn't fully run on devices". Clients read
// progress.failed. Nothing stops a created job from running in the emulator (docs/emulator.md,
// inferred behaviours), so it never ends "failed".
constexpr JobStatus kRanEveryBatch = JobStatus::complete;

void set_threshold(JobRecord& record, const iotc::model::Job& job) {
  if (!job.cancellation_threshold) return;
  const auto& t = *job.cancellation_threshold;
  // A threshold of unknown type is counted as a number.
  record.threshold_type = t.type == Measure::percentage ? Measure::percentage : Measure::number;
  record.threshold_value = t.value.value_or(0);
  record.threshold_per_batch = t.batch.value_or(false);
}

}  // namespace

std::int64_t batch_size_for(const std::optional<iotc::model::Batch>& batch, std::int64_t total) {
  std::int64_t size = total;
  if (batch) {
    if (batch->type == Measure::percentage) {
      size = static_cast<std::int64_t>(
          std::ceil(static_cast<double>(total) * batch->value.value_or(100) / 100.0 - 1e-9));
    } else {
      size = static_cast<std::int64_t>(std::ceil(batch->value.value_or(1)));
    }
  }
  return std::max<std::int64_t>(size, 1);
}

Engine::Engine(Store& store, Clock& clock, EngineSettings settings)
    : store_(store), clock_(clock), settings_(settings), engine_time_(clock.now()) {}

void Engine::advance() {
  advance_to(clock_.now());
}

JobRecord Engine::create(const std::string& id, const Json& body, const iotc::model::Job& job,
                         const GroupRecord& group) {
  Transaction tx(store_.db());
  JobRecord record = create_at(id, body, job, group, clock_.now());
  tx.commit();
  return record;
}

JobRecord Engine::create_at(const std::string& id, const Json& body, const iotc::model::Job& job,
                            const GroupRecord& group, TimeMs at) {
  JobRecord record;
  record.id = id;
  record.body = body;
  record.group_id = group.id;
  if (job.organizations && !job.organizations->empty()) {
    record.organization = job.organizations->front();
  }
  record.created_at = record.queued_at = at;
  set_threshold(record, job);
  // A job of an organization runs on the group's devices of that organization (and its
  // descendants), the ones its users see.
  std::int64_t total = store_.group_size(group, record.organization);
  record.batch_size = batch_size_for(job.batch, total);
  store_.insert_job(record);
  record.total = record.pending =
      store_.snapshot_group(record.seq, group, record.batch_size, record.organization);
  record.batch_count = (record.total + record.batch_size - 1) / record.batch_size;
  store_.update_job(record);
  return record;
}

JobRecord Engine::rerun(const std::string& rerun_id, const JobRecord& source) {
  Transaction tx(store_.db());
  JobRecord record;
  record.id = rerun_id;
  record.body = source.body;
  // A rerun is the user's job, not an occurrence of the schedule that started its source.
  record.body.erase("scheduledJobId");
  record.group_id = source.group_id;
  record.organization = source.organization;
  record.rerun_of = source.id;
  record.created_at = record.queued_at = clock_.now();
  record.threshold_type = source.threshold_type;
  record.threshold_value = source.threshold_value;
  record.threshold_per_batch = source.threshold_per_batch;
  iotc::model::Problems ignored;
  auto job = iotc::model::job_from_json(source.body, ignored);
  record.batch_size = batch_size_for(job.batch, source.failed);
  store_.insert_job(record);
  record.total = record.pending = store_.snapshot_failed(record.seq, source.seq, record.batch_size);
  record.batch_count = (record.total + record.batch_size - 1) / record.batch_size;
  store_.update_job(record);
  tx.commit();
  return record;
}

bool Engine::stop(JobRecord& job) {
  if (job.status == JobStatus::stopped) return true;
  if (job.status != JobStatus::running && job.status != JobStatus::pending) return false;
  job.status = JobStatus::stopped;
  job.ended_at = clock_.now();
  store_.update_job(job);
  return true;
}

bool Engine::resume(JobRecord& job) {
  if (job.status == JobStatus::running || job.status == JobStatus::pending) return true;
  if (job.status != JobStatus::stopped) return false;
  job.status = JobStatus::pending;
  job.ended_at.reset();
  job.queued_at = clock_.now();
  store_.update_job(job);
  return true;
}

void Engine::advance_to(TimeMs now) {
  Transaction tx(store_.db());
  if (due_hook_) due_hook_(now);
  auto running = store_.jobs_with_status(JobStatus::running);
  TimeMs cursor = engine_time_;
  while (true) {
    std::size_t earliest = running.size();
    TimeMs earliest_at = kNever;
    for (std::size_t i = 0; i < running.size(); ++i) {
      TimeMs at = next_event(running[i]);
      if (at < earliest_at) {
        earliest_at = at;
        earliest = i;
      }
    }
    if (static_cast<int>(running.size()) < settings_.max_running) {
      if (auto queued = store_.first_job_with_status(JobStatus::pending)) {
        TimeMs start_at = std::max(queued->queued_at, cursor);
        if (start_at <= now && start_at <= earliest_at) {
          start(*queued, start_at);
          cursor = start_at;
          if (queued->status == JobStatus::running) running.push_back(*queued);
          continue;
        }
      }
    }
    if (earliest == running.size() || earliest_at > now) break;
    cursor = earliest_at;
    if (apply_event(running[earliest], earliest_at)) {
      running.erase(running.begin() + static_cast<std::ptrdiff_t>(earliest));
    }
  }
  engine_time_ = std::max(engine_time_, now);
  tx.commit();
}

TimeMs Engine::next_event(const JobRecord& job) const {
  return job.batch_started_at + (job.phase == BatchPhase::settling
                                     ? settings_.device_time_ms
                                     : std::max(settings_.slow_time_ms, settings_.device_time_ms));
}

std::int64_t Engine::batch_end_idx(const JobRecord& job) const {
  return std::min(job.total, (job.current_batch + 1) * job.batch_size);
}

void Engine::start(JobRecord& job, TimeMs at) {
  job.status = JobStatus::running;
  if (!job.started_at) job.started_at = at;
  job.batch_started_at = at;
  job.phase = BatchPhase::settling;
  if (job.current_batch >= job.batch_count) {
    job.status = kRanEveryBatch;
    job.ended_at = at;
  }
  store_.update_job(job);
}

bool Engine::begin_batch(JobRecord& job, TimeMs at) {
  job.current_batch += 1;
  job.batch_failed = 0;
  job.phase = BatchPhase::settling;
  job.batch_started_at = at;
  return job.current_batch < job.batch_count;
}

bool Engine::threshold_exceeded(const JobRecord& job) const {
  if (!job.threshold_type) return false;
  std::int64_t failures = job.threshold_per_batch ? job.batch_failed : job.failed;
  std::int64_t base =
      job.threshold_per_batch ? batch_end_idx(job) - job.current_batch * job.batch_size : job.total;
  if (*job.threshold_type == Measure::percentage) {
    return static_cast<double>(failures) * 100.0 > job.threshold_value * static_cast<double>(base);
  }
  return static_cast<double>(failures) > job.threshold_value;
}

bool Engine::apply_event(JobRecord& job, TimeMs at) {
  const std::int64_t from = job.current_batch * job.batch_size;
  const std::int64_t to = batch_end_idx(job);
  if (job.phase == BatchPhase::settling) {
    std::int64_t failed = store_.settle(job.seq, from, to, Behavior::fails, DeviceStatus::failed);
    std::int64_t completed =
        store_.settle(job.seq, from, to, Behavior::succeeds, DeviceStatus::completed);
    job.failed += failed;
    job.batch_failed += failed;
    job.completed += completed;
    job.pending -= failed + completed;
    if (threshold_exceeded(job)) {
      job.status = JobStatus::cancelled;
      job.ended_at = at;
      store_.update_job(job);
      return true;
    }
    if (store_.count_pending(job.seq, from, to, Behavior::slow) > 0) {
      job.phase = BatchPhase::slow_only;
      store_.update_job(job);
      return false;
    }
  } else {
    std::int64_t completed =
        store_.settle(job.seq, from, to, Behavior::slow, DeviceStatus::completed);
    job.completed += completed;
    job.pending -= completed;
  }
  if (!begin_batch(job, at)) {
    job.status = kRanEveryBatch;
    job.ended_at = at;
    store_.update_job(job);
    return true;
  }
  store_.update_job(job);
  return false;
}

}  // namespace iotc::emulator
