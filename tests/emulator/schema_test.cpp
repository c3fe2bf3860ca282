// The state file's schema version: an older file is upgraded in place, a newer one refused.
#include "emulator/schema.hpp"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>

#include "emulator/store.hpp"
#include "emulator/store_schedules.hpp"
#include "status_strings.hpp"

using namespace iotc::emulator;
using iotc::model::JobStatus;
using iotc::model::Measure;

namespace {

// The tables exactly as the emulators before the schema version created them.
constexpr const char* kVersion0Tables = R"sql(
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS templates(id TEXT PRIMARY KEY, display_name TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS devices(
  id TEXT PRIMARY KEY, display_name TEXT NOT NULL, template TEXT NOT NULL,
  behavior TEXT NOT NULL, seed_behavior TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS groups(
  seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT UNIQUE NOT NULL, display_name TEXT NOT NULL,
  description TEXT, filter TEXT NOT NULL, organizations TEXT);
CREATE TABLE IF NOT EXISTS group_devices(
  group_seq INTEGER NOT NULL, pos INTEGER NOT NULL, device_id TEXT NOT NULL,
  PRIMARY KEY(group_seq, pos)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS jobs(
  seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT UNIQUE NOT NULL, body TEXT NOT NULL,
  group_id TEXT NOT NULL, status TEXT NOT NULL, created_at INTEGER NOT NULL,
  queued_at INTEGER NOT NULL, started_at INTEGER, ended_at INTEGER,
  batch_size INTEGER NOT NULL, batch_count INTEGER NOT NULL, current_batch INTEGER NOT NULL,
  batch_started_at INTEGER NOT NULL, phase INTEGER NOT NULL,
  total INTEGER NOT NULL, pending INTEGER NOT NULL, completed INTEGER NOT NULL,
  failed INTEGER NOT NULL, batch_failed INTEGER NOT NULL, rerun_of TEXT,
  threshold_type TEXT, threshold_value REAL NOT NULL, threshold_per_batch INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS jobs_by_status ON jobs(status, queued_at, seq);
CREATE TABLE IF NOT EXISTS job_devices(
  job_seq INTEGER NOT NULL, idx INTEGER NOT NULL, device_id TEXT NOT NULL,
  batch INTEGER NOT NULL, status TEXT NOT NULL, PRIMARY KEY(job_seq, idx)) WITHOUT ROWID;
)sql";

// A job halfway through its second batch, with a percentage threshold, as an old emulator kept it.
constexpr const char* kVersion0Job = R"sql(
INSERT INTO meta(key, value) VALUES('seeded', '1'), ('clock', '1700000005000');
INSERT INTO jobs(id, body, group_id, status, created_at, queued_at, started_at, ended_at,
  batch_size, batch_count, current_batch, batch_started_at, phase, total, pending, completed,
  failed, batch_failed, rerun_of, threshold_type, threshold_value, threshold_per_batch)
VALUES('old-job', '{"group":"g"}', 'g', 'running', 1700000000000, 1700000000000,
  1700000001000, NULL, 4, 3, 1, 1700000002000, 1, 10, 5, 4, 1, 1, NULL, 'percentage', 25, 1);
INSERT INTO job_devices(job_seq, idx, device_id, batch, status)
VALUES(1, 0, 'd-01', 0, 'completed'), (1, 4, 'd-05', 1, 'failed'), (1, 5, 'd-06', 1, 'pending');
)sql";

// A state file path in a fresh directory, removed with it.
struct StateFile {
  StateFile() {
    std::string pattern = (std::filesystem::temp_directory_path() / "iotc-schema-XXXXXX").string();
    REQUIRE(mkdtemp(pattern.data()) != nullptr);
    dir = pattern;
  }
  ~StateFile() { std::filesystem::remove_all(dir); }
  std::string path() const { return (dir / "state.db").string(); }

  std::filesystem::path dir;
};

std::optional<std::string> schema_version_in(const std::string& path) {
  Database db(path);
  auto query = db.prepare("SELECT value FROM meta WHERE key = 'schema_version'");
  if (!query.step()) return std::nullopt;
  return query.text(0);
}

}  // namespace

TEST_CASE("a state file from before the schema version is upgraded, and reads as it did") {
  StateFile state;
  {
    Database old(state.path());
    old.exec(kVersion0Tables);
    old.exec(kVersion0Job);
  }
  REQUIRE_FALSE(schema_version_in(state.path()));

  {
    Store store(state.path());
    CHECK(store.meta("seeded") == "1");
    CHECK(store.meta("clock") == "1700000005000");
    auto job = store.job("old-job");
    REQUIRE(job);
    CHECK(job->seq == 1);
    CHECK(job->body == Json{{"group", "g"}});
    CHECK(job->group_id == "g");
    CHECK(job->status == JobStatus::running);
    CHECK(job->created_at == 1700000000000);
    CHECK(job->started_at == 1700000001000);
    CHECK_FALSE(job->ended_at);
    CHECK(job->batch_size == 4);
    CHECK(job->batch_count == 3);
    CHECK(job->current_batch == 1);
    CHECK(job->batch_started_at == 1700000002000);
    CHECK(job->phase == BatchPhase::slow_only);
    CHECK(job->total == 10);
    CHECK(job->pending == 5);
    CHECK(job->completed == 4);
    CHECK(job->failed == 1);
    CHECK(job->batch_failed == 1);
    CHECK_FALSE(job->rerun_of);
    CHECK(job->threshold_type == Measure::percentage);
    CHECK(job->threshold_value == 25);
    CHECK(job->threshold_per_batch);
    CHECK(store.jobs_with_status(JobStatus::running).size() == 1);
    auto devices = store.job_devices_after(job->seq, -1, 10);
    REQUIRE(devices.size() == 3);
    CHECK(devices[1].status == iotc::model::DeviceStatus::failed);
    CHECK(devices[2].status == iotc::model::DeviceStatus::pending);

    // And it is written back the same way.
    job->status = JobStatus::complete;
    job->phase = BatchPhase::settling;
    store.update_job(*job);
    CHECK(store.job("old-job")->status == JobStatus::complete);
    CHECK(store.job("old-job")->phase == BatchPhase::settling);
  }
  CHECK(schema_version_in(state.path()) == std::to_string(kSchemaVersion));

  Store again(state.path());  // an upgraded file opens as a current one
  CHECK(again.job("old-job")->status == JobStatus::complete);
}

TEST_CASE("a new state file records the current schema version") {
  StateFile state;
  { Store store(state.path()); }
  CHECK(schema_version_in(state.path()) == std::to_string(kSchemaVersion));
}

TEST_CASE("a state file of a newer or unreadable schema version is refused, and left as it was") {
  const std::string version = GENERATE(std::to_string(kSchemaVersion + 1), std::string("one"));
  StateFile state;
  { Store store(state.path()); }
  {
    Database db(state.path());
    db.exec("UPDATE meta SET value = '" + version + "' WHERE key = 'schema_version'");
  }

  try {
    Store store(state.path());
    FAIL("the state file was opened");
  } catch (const std::runtime_error& e) {
    const std::string message = e.what();
    CHECK_THAT(message, Catch::Contains(state.path()));
    CHECK_THAT(message, Catch::Contains("schema version"));
    CHECK_THAT(message, Catch::Contains(version));
    CHECK_THAT(message, Catch::Contains("reads versions up to " + std::to_string(kSchemaVersion)));
  }
  CHECK(schema_version_in(state.path()) == version);
}

TEST_CASE("a version 1 state gains organizations: each one its groups and jobs named is a root") {
  StateFile state;
  {
    Database old(state.path());
    old.exec(kVersion0Tables);
    old.exec(R"sql(
INSERT INTO meta(key, value) VALUES('schema_version', '1'), ('seeded', '1');
INSERT INTO devices(id, display_name, template, behavior, seed_behavior)
VALUES('d-01', 'd-01', 't', 'succeeds', 'succeeds');
INSERT INTO groups(id, display_name, filter, organizations)
VALUES('g', 'G', 'SELECT * FROM devices', '["seattle"]'), ('h', 'H', 'SELECT * FROM devices', NULL);
INSERT INTO group_devices(group_seq, pos, device_id) VALUES(1, 0, 'd-01');
INSERT INTO jobs(id, body, group_id, status, created_at, queued_at, started_at, ended_at,
  batch_size, batch_count, current_batch, batch_started_at, phase, total, pending, completed,
  failed, batch_failed, rerun_of, threshold_type, threshold_value, threshold_per_batch)
VALUES('in-redmond', '{"group":"g","organizations":["redmond"]}', 'g', 'complete', 1, 1, 1, 2,
  1, 1, 1, 1, 0, 1, 0, 1, 0, 0, NULL, NULL, 0, 0),
  ('at-root', '{"group":"g"}', 'g', 'complete', 1, 1, 1, 2, 1, 1, 1, 1, 0, 1, 0, 1, 0, 0, NULL,
  NULL, 0, 0);
)sql");
  }

  Store store(state.path());
  CHECK(schema_version_in(state.path()) == std::to_string(kSchemaVersion));
  for (const char* id : {"seattle", "redmond"}) {
    auto organization = store.organization(id);
    REQUIRE(organization);
    CHECK(organization->display_name == id);
    CHECK_FALSE(organization->parent);
  }
  CHECK(store.job("in-redmond")->organization == "redmond");
  CHECK_FALSE(store.job("at-root")->organization);
  CHECK(store.job("in-redmond", std::string("redmond")));
  CHECK_FALSE(store.job("at-root", std::string("redmond")));
  CHECK(store.group("g", std::string("seattle")));
  CHECK_FALSE(store.group("h", std::string("seattle")));
  CHECK(store.device("d-01")->organizations.is_null());
}

TEST_CASE("a version 2 state's groups stay seeded with their members, and reset brings them back") {
  StateFile state;
  {
    Store fresh(state.path());  // today's tables, then back to version 2's
  }
  {
    Database old(state.path());
    old.exec(R"sql(
DROP TABLE groups;
CREATE TABLE groups(
  seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT UNIQUE NOT NULL, display_name TEXT NOT NULL,
  description TEXT, filter TEXT NOT NULL, organizations TEXT);
DROP TABLE devices;
CREATE TABLE devices(
  id TEXT PRIMARY KEY, display_name TEXT NOT NULL, template TEXT NOT NULL,
  behavior TEXT NOT NULL, seed_behavior TEXT NOT NULL, organizations TEXT) WITHOUT ROWID;
UPDATE meta SET value = '2' WHERE key = 'schema_version';
INSERT INTO devices(id, display_name, template, behavior, seed_behavior)
VALUES('d-01', 'd-01', 't', 'succeeds', 'succeeds'), ('d-02', 'd-02', 't', 'succeeds', 'succeeds');
INSERT INTO groups(id, display_name, filter, organizations)
VALUES('g', 'G', 'SELECT * FROM devices WHERE $displayName STARTS WITH "d"', NULL);
INSERT INTO group_devices(group_seq, pos, device_id) VALUES(1, 0, 'd-02');
)sql");
  }
  Store store(state.path());
  CHECK(schema_version_in(state.path()) == std::to_string(kSchemaVersion));
  auto group = store.group("g");
  REQUIRE(group);
  CHECK(group->seeded);
  CHECK(group->explicit_members);
  CHECK(store.group_size(*group) == 1);  // its list, not its filter (outside the subset)
  CHECK(store.device("d-01")->simulated);
  CHECK(store.device("d-01")->enabled);
  group->filter = "SELECT * FROM devices";
  group->explicit_members = false;
  store.write_group(*group);
  CHECK(store.group_size(*store.group("g")) == 2);
  store.reset_groups();
  CHECK(store.group("g")->explicit_members);
  CHECK(store.group("g")->filter == "SELECT * FROM devices WHERE $displayName STARTS WITH \"d\"");
}

TEST_CASE("an older state gains the scheduled jobs table, empty, and its jobs read as before") {
  StateFile state;
  {
    Database old(state.path());
    old.exec(kVersion0Tables);
    old.exec(kVersion0Job);
    old.exec("INSERT INTO meta(key, value) VALUES('schema_version', '1');");
  }
  Store store(state.path());
  CHECK(schema_version_in(state.path()) == std::to_string(kSchemaVersion));
  ScheduleStore schedules(store.db());
  CHECK(schedules.not_completed().empty());
  CHECK(schedules.jobs_before("old-job", INT64_MAX, 10).empty());
  ScheduleRecord record;
  record.id = "nightly";
  record.body = {{"group", "g"}, {"enabled", true}};
  record.etag = "\"1\"";
  schedules.insert(record);
  CHECK(schedules.find("nightly")->enabled());
  CHECK(store.job("old-job")->status == JobStatus::running);
}
