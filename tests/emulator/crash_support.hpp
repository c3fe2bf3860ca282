#pragma once
// Support of the emulator's crash test: an HTTP client that a thread owns while the emulator
// is killed under it, and checks that read a state file once the emulator is dead.
#include <httplib.h>
#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "e2e_helpers.hpp"

namespace iotc::testing {

// A client of its own per thread: EmulatorProcess is killed and restarted by the main thread.
class Client {
 public:
  explicit Client(const std::string& base_url) : http_(base_url) {
    http_.set_keep_alive(true);
    http_.set_connection_timeout(2, 0);
    http_.set_read_timeout(10, 0);
  }
  // The status (0 when no answer came) and the parsed body.
  std::pair<int, Json> send(const std::string& method, const std::string& path,
                            const Json& body = nullptr) {
    httplib::Request req;
    req.method = method;
    req.path = path;
    req.headers.emplace("Authorization", kTestToken);
    if (!body.is_null()) {
      req.headers.emplace("Content-Type", "application/json");
      req.body = body.dump();
    }
    auto result = http_.send(req);
    if (!result) return {0, nullptr};
    return {result->status, Json::parse(result->body, nullptr, false)};
  }

 private:
  httplib::Client http_;
};

// What the state file says once the emulator is dead: SQLite's own check, and every job whose
// counters disagree with its device rows or whose device rows are not its whole snapshot.
struct StateCheck {
  std::string integrity;
  std::vector<std::string> torn_jobs;
  std::int64_t jobs = 0;
};

inline constexpr const char* kTornJobs = R"sql(
SELECT j.id FROM jobs j WHERE
  j.total <> j.pending + j.completed + j.failed
  OR j.total <> (SELECT count(*) FROM job_devices d WHERE d.job_seq = j.seq)
  OR j.pending <> (SELECT count(*) FROM job_devices d WHERE d.job_seq = j.seq AND d.status = 'pending')
  OR j.completed <> (SELECT count(*) FROM job_devices d
                     WHERE d.job_seq = j.seq AND d.status = 'completed')
  OR j.failed <> (SELECT count(*) FROM job_devices d WHERE d.job_seq = j.seq AND d.status = 'failed')
  OR (j.rerun_of IS NULL AND j.total <> (SELECT count(*) FROM group_devices m
        JOIN groups g ON g.seq = m.group_seq WHERE g.id = j.group_id))
  OR (j.status IN ('complete', 'failed', 'cancelled', 'stopped') AND j.ended_at IS NULL)
  OR (j.status = 'running' AND j.started_at IS NULL)
)sql";

inline StateCheck check_state(const std::string& path) {
  sqlite3* db = nullptr;
  StateCheck check;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    check.integrity = "cannot open: " + std::string(sqlite3_errmsg(db));
    sqlite3_close(db);
    return check;
  }
  auto each_row = [&](const char* sql, auto&& on_row) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) != SQLITE_OK) {
      check.integrity = sqlite3_errmsg(db);
      return;
    }
    while (sqlite3_step(stmt) == SQLITE_ROW) on_row(stmt);
    sqlite3_finalize(stmt);
  };
  auto text = [](sqlite3_stmt* s) {
    return std::string(reinterpret_cast<const char*>(sqlite3_column_text(s, 0)));
  };
  each_row("PRAGMA integrity_check", [&](sqlite3_stmt* s) { check.integrity += text(s); });
  each_row(kTornJobs, [&](sqlite3_stmt* s) { check.torn_jobs.push_back(text(s)); });
  each_row("SELECT count(*) FROM jobs",
           [&](sqlite3_stmt* s) { check.jobs = sqlite3_column_int64(s, 0); });
  sqlite3_close(db);
  return check;
}

// The single integer an SQL query returns from the state file (-1 when it fails).
inline std::int64_t query_number(const std::string& path, const char* sql) {
  sqlite3* db = nullptr;
  std::int64_t value = -1;
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK &&
      sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) == SQLITE_OK &&
      sqlite3_step(stmt) == SQLITE_ROW) {
    value = sqlite3_column_int64(stmt, 0);
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return value;
}

}  // namespace iotc::testing
