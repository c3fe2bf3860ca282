#include "emulator/job_columns.hpp"

#include <array>

#include "model/job_json.hpp"

namespace iotc::emulator {
namespace {

using Written = JobColumn::Written;

template <std::int64_t JobRecord::*member>
constexpr JobColumn integer(std::string_view name, std::string_view declaration, Written written) {
  return {name, declaration, written,
          [](Statement& s, int i, const JobRecord& j) { s.bind(i, j.*member); },
          [](const Statement& r, int c, JobRecord& j) { j.*member = r.int64(c); }};
}

template <std::optional<std::int64_t> JobRecord::*member>
constexpr JobColumn optional_integer(std::string_view name, Written written) {
  return {name, "INTEGER", written,
          [](Statement& s, int i, const JobRecord& j) { s.bind(i, j.*member); },
          [](const Statement& r, int c, JobRecord& j) { j.*member = r.opt_int64(c); }};
}

template <std::string JobRecord::*member>
constexpr JobColumn text(std::string_view name, std::string_view declaration) {
  return {name, declaration, Written::on_insert,
          [](Statement& s, int i, const JobRecord& j) { s.bind(i, j.*member); },
          [](const Statement& r, int c, JobRecord& j) { j.*member = r.text(c); }};
}

constexpr std::array kColumns{
    integer<&JobRecord::seq>("seq", "INTEGER PRIMARY KEY AUTOINCREMENT", Written::never),
    text<&JobRecord::id>("id", "TEXT UNIQUE NOT NULL"),
    JobColumn{"body", "TEXT NOT NULL", Written::on_insert,
              [](Statement& s, int i, const JobRecord& j) { s.bind(i, j.body.dump()); },
              [](const Statement& r, int c, JobRecord& j) {
                j.body = Json::parse(r.text(c), nullptr, false);
              }},
    text<&JobRecord::group_id>("group_id", "TEXT NOT NULL"),
    JobColumn{"status", "TEXT NOT NULL", Written::on_update,
              [](Statement& s, int i, const JobRecord& j) {
                s.bind(i, iotc::model::to_string(j.status));
              },
              [](const Statement& r, int c, JobRecord& j) {
                j.status = iotc::model::parse_job_status(r.text(c));
              }},
    integer<&JobRecord::created_at>("created_at", "INTEGER NOT NULL", Written::on_insert),
    integer<&JobRecord::queued_at>("queued_at", "INTEGER NOT NULL", Written::on_update),
    optional_integer<&JobRecord::started_at>("started_at", Written::on_update),
    optional_integer<&JobRecord::ended_at>("ended_at", Written::on_update),
    integer<&JobRecord::batch_size>("batch_size", "INTEGER NOT NULL", Written::on_update),
    integer<&JobRecord::batch_count>("batch_count", "INTEGER NOT NULL", Written::on_update),
    integer<&JobRecord::current_batch>("current_batch", "INTEGER NOT NULL", Written::on_update),
    integer<&JobRecord::batch_started_at>("batch_started_at", "INTEGER NOT NULL",
                                          Written::on_update),
    JobColumn{"phase", "INTEGER NOT NULL", Written::on_update,
              [](Statement& s, int i, const JobRecord& j) { s.bind(i, static_cast<int>(j.phase)); },
              [](const Statement& r, int c, JobRecord& j) {
                j.phase = r.int64(c) == 0 ? BatchPhase::settling : BatchPhase::slow_only;
              }},
    integer<&JobRecord::total>("total", "INTEGER NOT NULL", Written::on_update),
    integer<&JobRecord::pending>("pending", "INTEGER NOT NULL", Written::on_update),
    integer<&JobRecord::completed>("completed", "INTEGER NOT NULL", Written::on_update),
    integer<&JobRecord::failed>("failed", "INTEGER NOT NULL", Written::on_update),
    integer<&JobRecord::batch_failed>("batch_failed", "INTEGER NOT NULL", Written::on_update),
    JobColumn{"rerun_of", "TEXT", Written::on_insert,
              [](Statement& s, int i, const JobRecord& j) { s.bind(i, j.rerun_of); },
              [](const Statement& r, int c, JobRecord& j) { j.rerun_of = r.opt_text(c); }},
    JobColumn{"threshold_type", "TEXT", Written::on_insert,
              [](Statement& s, int i, const JobRecord& j) {
                if (j.threshold_type) {
                  s.bind(i, iotc::model::to_string(*j.threshold_type));
                } else {
                  s.bind_null(i);
                }
              },
              [](const Statement& r, int c, JobRecord& j) {
                auto type = r.opt_text(c);
                j.threshold_type.reset();
                if (type) j.threshold_type = iotc::model::parse_measure(*type);
              }},
    JobColumn{"threshold_value", "REAL NOT NULL", Written::on_insert,
              [](Statement& s, int i, const JobRecord& j) { s.bind(i, j.threshold_value); },
              [](const Statement& r, int c, JobRecord& j) { j.threshold_value = r.real(c); }},
    JobColumn{
        "threshold_per_batch", "INTEGER NOT NULL", Written::on_insert,
        [](Statement& s, int i, const JobRecord& j) { s.bind(i, j.threshold_per_batch ? 1 : 0); },
        [](const Statement& r, int c, JobRecord& j) { j.threshold_per_batch = r.int64(c) != 0; }},
    // Added in schema version 2. Kept apart from the body so that a list can be scoped in SQL.
    JobColumn{"organization", "TEXT", Written::on_insert,
              [](Statement& s, int i, const JobRecord& j) { s.bind(i, j.organization); },
              [](const Statement& r, int c, JobRecord& j) { j.organization = r.opt_text(c); }},
};

// The key column, which update_job finds its row by.
const JobColumn& key_column() {
  for (const auto& column : kColumns) {
    if (column.written == Written::never) return column;
  }
  throw std::logic_error("the jobs table has no key column");
}

template <typename Keep, typename Format>
std::string join(Keep keep, Format format) {
  std::string text;
  for (const auto& column : kColumns) {
    if (!keep(column)) continue;
    if (!text.empty()) text += ", ";
    text += format(column);
  }
  return text;
}

bool any(const JobColumn&) {
  return true;
}
bool inserted(const JobColumn& column) {
  return column.written != Written::never;
}
bool updated(const JobColumn& column) {
  return column.written == Written::on_update;
}

}  // namespace

std::span<const JobColumn> job_columns() {
  return kColumns;
}

const std::string& jobs_table_definition() {
  static const std::string sql =
      "jobs(" +
      join(any,
           [](const JobColumn& c) {
             return std::string(c.name) + " " + std::string(c.declaration);
           }) +
      ")";
  return sql;
}

const std::string& job_select() {
  static const std::string sql =
      "SELECT " + join(any, [](const JobColumn& c) { return std::string(c.name); }) + " FROM jobs ";
  return sql;
}

const std::string& job_insert() {
  static const std::string sql =
      "INSERT INTO jobs(" + join(inserted, [](const JobColumn& c) { return std::string(c.name); }) +
      ") VALUES(" + join(inserted, [](const JobColumn&) { return std::string("?"); }) + ")";
  return sql;
}

const std::string& job_update() {
  static const std::string sql =
      "UPDATE jobs SET " +
      join(updated, [](const JobColumn& c) { return std::string(c.name) + " = ?"; }) + " WHERE " +
      std::string(key_column().name) + " = ?";
  return sql;
}

JobRecord read_job_row(const Statement& row) {
  JobRecord job;
  int column = 0;
  for (const auto& c : kColumns) c.read(row, column++, job);
  return job;
}

void bind_job_insert(Statement& insert, const JobRecord& job) {
  int index = 1;
  for (const auto& c : kColumns) {
    if (inserted(c)) c.bind(insert, index++, job);
  }
}

void bind_job_update(Statement& update, const JobRecord& job) {
  int index = 1;
  for (const auto& c : kColumns) {
    if (updated(c)) c.bind(update, index++, job);
  }
  key_column().bind(update, index, job);
}

}  // namespace iotc::emulator
