// The job half of Store: jobs and each job's devices.
#include "emulator/store.hpp"

namespace iotc::emulator {
namespace {

constexpr const char* kJobColumns =
    "seq, id, body, group_id, status, created_at, queued_at, started_at, ended_at, batch_size, "
    "batch_count, current_batch, batch_started_at, phase, total, pending, completed, failed, "
    "batch_failed, rerun_of, threshold_type, threshold_value, threshold_per_batch";

std::string job_query(const std::string& tail) {
  return std::string("SELECT ") + kJobColumns + " FROM jobs " + tail;
}

}  // namespace

JobRecord Store::read_job(Statement& s) {
  JobRecord j;
  j.seq = s.int64(0);
  j.id = s.text(1);
  j.body = Json::parse(s.text(2), nullptr, false);
  j.group_id = s.text(3);
  j.status = s.text(4);
  j.created_at = s.int64(5);
  j.queued_at = s.int64(6);
  j.started_at = s.opt_int64(7);
  j.ended_at = s.opt_int64(8);
  j.batch_size = s.int64(9);
  j.batch_count = s.int64(10);
  j.current_batch = s.int64(11);
  j.batch_started_at = s.int64(12);
  j.phase = static_cast<int>(s.int64(13));
  j.total = s.int64(14);
  j.pending = s.int64(15);
  j.completed = s.int64(16);
  j.failed = s.int64(17);
  j.batch_failed = s.int64(18);
  j.rerun_of = s.opt_text(19);
  j.threshold_type = s.opt_text(20);
  j.threshold_value = s.real(21);
  j.threshold_per_batch = s.int64(22) != 0;
  return j;
}

void Store::insert_job(JobRecord& j) {
  cached(
      "INSERT INTO jobs(id, body, group_id, status, created_at, queued_at, started_at, "
      "ended_at, batch_size, batch_count, current_batch, batch_started_at, phase, total, "
      "pending, completed, failed, batch_failed, rerun_of, threshold_type, threshold_value, "
      "threshold_per_batch) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
      .bind(1, j.id)
      .bind(2, j.body.dump())
      .bind(3, j.group_id)
      .bind(4, j.status)
      .bind(5, j.created_at)
      .bind(6, j.queued_at)
      .bind(7, j.started_at)
      .bind(8, j.ended_at)
      .bind(9, j.batch_size)
      .bind(10, j.batch_count)
      .bind(11, j.current_batch)
      .bind(12, j.batch_started_at)
      .bind(13, j.phase)
      .bind(14, j.total)
      .bind(15, j.pending)
      .bind(16, j.completed)
      .bind(17, j.failed)
      .bind(18, j.batch_failed)
      .bind(19, j.rerun_of)
      .bind(20, j.threshold_type)
      .bind(21, j.threshold_value)
      .bind(22, j.threshold_per_batch ? 1 : 0)
      .run();
  j.seq = sqlite3_last_insert_rowid(db_.handle());
}

void Store::update_job(const JobRecord& j) {
  cached(
      "UPDATE jobs SET status=?, queued_at=?, started_at=?, ended_at=?, batch_size=?, "
      "batch_count=?, current_batch=?, batch_started_at=?, phase=?, total=?, pending=?, "
      "completed=?, failed=?, batch_failed=? WHERE seq=?")
      .bind(1, j.status)
      .bind(2, j.queued_at)
      .bind(3, j.started_at)
      .bind(4, j.ended_at)
      .bind(5, j.batch_size)
      .bind(6, j.batch_count)
      .bind(7, j.current_batch)
      .bind(8, j.batch_started_at)
      .bind(9, j.phase)
      .bind(10, j.total)
      .bind(11, j.pending)
      .bind(12, j.completed)
      .bind(13, j.failed)
      .bind(14, j.batch_failed)
      .bind(15, j.seq)
      .run();
}

std::vector<JobRecord> Store::collect_jobs(Statement& query) {
  std::vector<JobRecord> result;
  while (query.step()) result.push_back(read_job(query));
  query.reset();
  return result;
}

std::optional<JobRecord> Store::first_job(Statement& query) {
  std::optional<JobRecord> result;
  if (query.step()) result = read_job(query);
  query.reset();
  return result;
}

std::optional<JobRecord> Store::job(const std::string& id) {
  return first_job(cached(job_query("WHERE id = ?")).bind(1, id));
}

std::vector<JobRecord> Store::jobs_before(std::int64_t before_seq, std::int64_t limit) {
  return collect_jobs(cached(job_query("WHERE seq < ? ORDER BY seq DESC LIMIT ?"))
                          .bind(1, before_seq)
                          .bind(2, limit));
}

std::vector<JobRecord> Store::jobs_with_status(const std::string& status) {
  return collect_jobs(
      cached(job_query("WHERE status = ? ORDER BY queued_at, seq")).bind(1, status));
}

std::optional<JobRecord> Store::first_job_with_status(const std::string& status) {
  return first_job(
      cached(job_query("WHERE status = ? ORDER BY queued_at, seq LIMIT 1")).bind(1, status));
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

std::int64_t Store::snapshot_group(std::int64_t job_seq, std::int64_t group_seq,
                                   std::int64_t batch_size) {
  cached(
      "INSERT INTO job_devices(job_seq, idx, device_id, batch, status) "
      "SELECT ?1, ROW_NUMBER() OVER (ORDER BY pos) - 1, device_id, "
      "(ROW_NUMBER() OVER (ORDER BY pos) - 1) / ?3, 'pending' "
      "FROM group_devices WHERE group_seq = ?2 ORDER BY pos")
      .bind(1, job_seq)
      .bind(2, group_seq)
      .bind(3, batch_size)
      .run();
  return db_.changes();
}

std::int64_t Store::snapshot_failed(std::int64_t job_seq, std::int64_t from_job,
                                    std::int64_t batch_size) {
  cached(
      "INSERT INTO job_devices(job_seq, idx, device_id, batch, status) "
      "SELECT ?1, ROW_NUMBER() OVER (ORDER BY idx) - 1, device_id, "
      "(ROW_NUMBER() OVER (ORDER BY idx) - 1) / ?3, 'pending' "
      "FROM job_devices WHERE job_seq = ?2 AND status = 'failed' ORDER BY idx")
      .bind(1, job_seq)
      .bind(2, from_job)
      .bind(3, batch_size)
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
  while (s.step()) result.push_back({s.int64(0), s.text(1), s.text(2)});
  s.reset();
  return result;
}

std::int64_t Store::settle(std::int64_t job_seq, std::int64_t from_idx, std::int64_t to_idx,
                           Behavior behavior, const std::string& status) {
  cached(
      "UPDATE job_devices SET status = ?5 WHERE job_seq = ?1 AND idx >= ?2 AND idx < ?3 "
      "AND status = 'pending' AND EXISTS (SELECT 1 FROM devices d WHERE d.id = "
      "job_devices.device_id AND d.behavior = ?4)")
      .bind(1, job_seq)
      .bind(2, from_idx)
      .bind(3, to_idx)
      .bind(4, to_string(behavior))
      .bind(5, status)
      .run();
  return db_.changes();
}

std::int64_t Store::count_pending(std::int64_t job_seq, std::int64_t from_idx, std::int64_t to_idx,
                                  Behavior behavior) {
  auto& s = cached(
      "SELECT count(*) FROM job_devices j JOIN devices d ON d.id = j.device_id "
      "WHERE j.job_seq = ?1 AND j.idx >= ?2 AND j.idx < ?3 AND j.status = 'pending' "
      "AND d.behavior = ?4");
  s.bind(1, job_seq).bind(2, from_idx).bind(3, to_idx).bind(4, to_string(behavior));
  s.step();
  auto n = s.int64(0);
  s.reset();
  return n;
}

}  // namespace iotc::emulator
