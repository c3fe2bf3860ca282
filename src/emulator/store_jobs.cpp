// The job half of Store: jobs and each job's devices.
#include "emulator/job_columns.hpp"
#include "emulator/scope_sql.hpp"
#include "emulator/store.hpp"

namespace iotc::emulator {
namespace {

using iotc::model::DeviceStatus;

std::string job_query(const std::string& tail) {
  return job_select() + tail;
}

}  // namespace

void Store::insert_job(JobRecord& j) {
  auto& insert = cached(job_insert());
  bind_job_insert(insert, j);
  insert.run();
  j.seq = sqlite3_last_insert_rowid(db_.handle());
}

void Store::update_job(const JobRecord& j) {
  auto& update = cached(job_update());
  bind_job_update(update, j);
  update.run();
}

std::vector<JobRecord> Store::collect_jobs(Statement& query) {
  std::vector<JobRecord> result;
  while (query.step()) result.push_back(read_job_row(query));
  query.reset();
  return result;
}

std::optional<JobRecord> Store::first_job(Statement& query) {
  std::optional<JobRecord> result;
  if (query.step()) result = read_job_row(query);
  query.reset();
  return result;
}

std::optional<JobRecord> Store::job(const std::string& id, const Scope& scope) {
  static const std::string sql =
      job_query("WHERE id = ?1 AND " + scoped(in_subtree("organization", 2), 2));
  return first_job(cached(sql).bind(1, id).bind(2, scope));
}

std::vector<JobRecord> Store::jobs_before(std::int64_t before_seq, std::int64_t limit,
                                          const Scope& scope) {
  static const std::string sql = job_query("WHERE seq < ?1 AND " +
                                           scoped(in_subtree("organization", 3), 3) +
                                           " ORDER BY seq DESC LIMIT ?2");
  return collect_jobs(cached(sql).bind(1, before_seq).bind(2, limit).bind(3, scope));
}

std::vector<JobRecord> Store::jobs_with_status(iotc::model::JobStatus status) {
  return collect_jobs(cached(job_query("WHERE status = ? ORDER BY queued_at, seq"))
                          .bind(1, iotc::model::to_string(status)));
}

std::optional<JobRecord> Store::first_job_with_status(iotc::model::JobStatus status) {
  return first_job(cached(job_query("WHERE status = ? ORDER BY queued_at, seq LIMIT 1"))
                       .bind(1, iotc::model::to_string(status)));
}

void Store::delete_all_jobs() {
  db_.exec("DELETE FROM job_devices; DELETE FROM jobs;");
}

TimeMs Store::latest_job_time() {
  auto& s = cached(
      "SELECT coalesce(max(max(created_at, queued_at, batch_started_at, coalesce(started_at, 0), "
      "coalesce(ended_at, 0))), 0) FROM jobs");
  s.step();
  TimeMs latest = s.int64(0);
  s.reset();
  return latest;
}

std::int64_t Store::snapshot_failed(std::int64_t job_seq, std::int64_t from_job,
                                    std::int64_t batch_size) {
  cached(
      "INSERT INTO job_devices(job_seq, idx, device_id, batch, status) "
      "SELECT ?1, ROW_NUMBER() OVER (ORDER BY idx) - 1, device_id, "
      "(ROW_NUMBER() OVER (ORDER BY idx) - 1) / ?3, ?4 "
      "FROM job_devices WHERE job_seq = ?2 AND status = ?5 ORDER BY idx")
      .bind(1, job_seq)
      .bind(2, from_job)
      .bind(3, batch_size)
      .bind(4, to_string(DeviceStatus::pending))
      .bind(5, to_string(DeviceStatus::failed))
      .run();
  return db_.changes();
}

std::vector<JobDeviceRecord> Store::job_devices_after(std::int64_t job_seq, std::int64_t after_idx,
                                                      std::int64_t limit) {
  auto& s = cached(
      "SELECT idx, device_id, status FROM job_devices WHERE job_seq = ? AND idx > ? "
      "ORDER BY idx LIMIT ?");
  s.bind(1, job_seq).bind(2, after_idx).bind(3, limit);
  std::vector<JobDeviceRecord> result;
  while (s.step()) {
    result.push_back({s.int64(0), s.text(1), iotc::model::parse_device_status(s.text(2))});
  }
  s.reset();
  return result;
}

std::int64_t Store::settle(std::int64_t job_seq, std::int64_t from_idx, std::int64_t to_idx,
                           Behavior behavior, DeviceStatus status) {
  cached(
      "UPDATE job_devices SET status = ?5 WHERE job_seq = ?1 AND idx >= ?2 AND idx < ?3 "
      "AND status = ?6 AND EXISTS (SELECT 1 FROM devices d WHERE d.id = "
      "job_devices.device_id AND d.behavior = ?4)")
      .bind(1, job_seq)
      .bind(2, from_idx)
      .bind(3, to_idx)
      .bind(4, to_string(behavior))
      .bind(5, to_string(status))
      .bind(6, to_string(DeviceStatus::pending))
      .run();
  return db_.changes();
}

std::int64_t Store::count_pending(std::int64_t job_seq, std::int64_t from_idx, std::int64_t to_idx,
                                  Behavior behavior) {
  auto& s = cached(
      "SELECT count(*) FROM job_devices j JOIN devices d ON d.id = j.device_id "
      "WHERE j.job_seq = ?1 AND j.idx >= ?2 AND j.idx < ?3 AND j.status = ?5 "
      "AND d.behavior = ?4");
  s.bind(1, job_seq)
      .bind(2, from_idx)
      .bind(3, to_idx)
      .bind(4, to_string(behavior))
      .bind(5, to_string(DeviceStatus::pending));
  s.step();
  auto n = s.int64(0);
  s.reset();
  return n;
}

}  // namespace iotc::emulator
