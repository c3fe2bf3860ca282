#include "emulator/store_schedules.hpp"

#include "emulator/job_columns.hpp"
#include "emulator/scope_sql.hpp"

namespace iotc::emulator {
namespace {

const std::string kColumns =
    "SELECT seq, id, body, organization, etag, completed, next_occurrence, runs, skipped "
    "FROM scheduled_jobs ";

ScheduleRecord read_row(const Statement& row) {
  ScheduleRecord schedule;
  schedule.seq = row.int64(0);
  schedule.id = row.text(1);
  Json body = Json::parse(row.text(2), nullptr, false);
  schedule.body = body.is_discarded() ? Json::object() : body;
  schedule.organization = row.opt_text(3);
  schedule.etag = row.text(4);
  schedule.completed = row.int64(5) != 0;
  schedule.next_occurrence = row.int64(6);
  schedule.runs = row.int64(7);
  schedule.skipped = row.int64(8);
  return schedule;
}

// The expression the jobs_by_schedule index is on: queries must spell it the same way.
constexpr const char* kScheduleOfJob = "json_extract(body, '$.scheduledJobId')";

// Binds every column: ?1 the id, ?2.. the rest in table order (one binding for insert and update).
Statement& bind_record(Statement& statement, const ScheduleRecord& s) {
  return statement.bind(1, s.id)
      .bind(2, s.body.dump())
      .bind(3, s.organization)
      .bind(4, s.etag)
      .bind(5, s.completed ? 1 : 0)
      .bind(6, s.next_occurrence)
      .bind(7, s.runs)
      .bind(8, s.skipped);
}

}  // namespace

Statement& ScheduleStore::cached(const std::string& sql) {
  auto& slot = statements_[sql];
  if (!slot) slot = std::make_unique<Statement>(db_.handle(), sql);
  slot->reset();
  return *slot;
}

std::vector<ScheduleRecord> ScheduleStore::collect(Statement& query) {
  std::vector<ScheduleRecord> result;
  while (query.step()) result.push_back(read_row(query));
  query.reset();
  return result;
}

void ScheduleStore::insert(ScheduleRecord& s) {
  bind_record(cached("INSERT INTO scheduled_jobs(id, body, organization, etag, completed, "
                     "next_occurrence, runs, skipped) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"),
              s)
      .run();
  s.seq = sqlite3_last_insert_rowid(db_.handle());
}

void ScheduleStore::update(const ScheduleRecord& s) {
  bind_record(cached("UPDATE scheduled_jobs SET body = ?2, organization = ?3, etag = ?4, "
                     "completed = ?5, next_occurrence = ?6, runs = ?7, skipped = ?8 WHERE id = ?1"),
              s)
      .run();
}

bool ScheduleStore::remove(const std::string& id) {
  cached("DELETE FROM scheduled_jobs WHERE id = ?1").bind(1, id).run();
  return db_.changes() > 0;
}

void ScheduleStore::delete_all() {
  db_.exec("DELETE FROM scheduled_jobs");
}

std::optional<ScheduleRecord> ScheduleStore::find(const std::string& id, const Scope& scope) {
  static const std::string sql =
      kColumns + "WHERE id = ?1 AND " + scoped(in_subtree("organization", 2), 2);
  auto found = collect(cached(sql).bind(1, id).bind(2, scope));
  if (found.empty()) return std::nullopt;
  return found.front();
}

std::vector<ScheduleRecord> ScheduleStore::after(std::int64_t after_seq, std::int64_t limit,
                                                 const Scope& scope) {
  static const std::string sql = kColumns + "WHERE seq > ?1 AND " +
                                 scoped(in_subtree("organization", 3), 3) +
                                 " ORDER BY seq LIMIT ?2";
  return collect(cached(sql).bind(1, after_seq).bind(2, limit).bind(3, scope));
}

std::vector<ScheduleRecord> ScheduleStore::not_completed() {
  return collect(cached(kColumns + "WHERE completed = 0 ORDER BY seq"));
}

std::vector<JobRecord> ScheduleStore::jobs_before(const std::string& schedule_id,
                                                  std::int64_t before_seq, std::int64_t limit) {
  static const std::string sql =
      job_select() + "WHERE " + kScheduleOfJob + " = ?1 AND seq < ?2 ORDER BY seq DESC LIMIT ?3";
  auto& query = cached(sql).bind(1, schedule_id).bind(2, before_seq).bind(3, limit);
  std::vector<JobRecord> result;
  while (query.step()) result.push_back(read_job_row(query));
  query.reset();
  return result;
}

bool ScheduleStore::has_active_job(const std::string& schedule_id) {
  static const std::string sql = "SELECT 1 FROM jobs WHERE " + std::string(kScheduleOfJob) +
                                 " = ?1 AND status IN (?2, ?3) LIMIT 1";
  auto& query = cached(sql)
                    .bind(1, schedule_id)
                    .bind(2, iotc::model::to_string(iotc::model::JobStatus::pending))
                    .bind(3, iotc::model::to_string(iotc::model::JobStatus::running));
  const bool found = query.step();
  query.reset();
  return found;
}

}  // namespace iotc::emulator
