#include "emulator/schema.hpp"

#include <array>
#include <charconv>
#include <stdexcept>

#include "emulator/job_columns.hpp"

namespace iotc::emulator {
namespace {

constexpr const char* kVersionKey = "schema_version";

// The tables at kSchemaVersion, but for jobs (job_columns.hpp).
constexpr const char* kTables = R"sql(
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS templates(id TEXT PRIMARY KEY, display_name TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS devices(
  id TEXT PRIMARY KEY, display_name TEXT NOT NULL, template TEXT NOT NULL,
  behavior TEXT NOT NULL, seed_behavior TEXT NOT NULL, organizations TEXT,
  simulated INTEGER NOT NULL DEFAULT 1, enabled INTEGER NOT NULL DEFAULT 1) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS groups(
  seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT UNIQUE NOT NULL, display_name TEXT NOT NULL,
  description TEXT, filter TEXT NOT NULL, organizations TEXT,
  revision INTEGER NOT NULL DEFAULT 1, explicit_members INTEGER NOT NULL DEFAULT 1,
  seeded INTEGER NOT NULL DEFAULT 1, seed_state TEXT, deleted INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS group_devices(
  group_seq INTEGER NOT NULL, pos INTEGER NOT NULL, device_id TEXT NOT NULL,
  PRIMARY KEY(group_seq, pos)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS organizations(
  seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT UNIQUE NOT NULL, display_name TEXT NOT NULL,
  parent TEXT);
CREATE INDEX IF NOT EXISTS organizations_by_parent ON organizations(parent);
)sql";

constexpr const char* kJobTables = R"sql(
CREATE INDEX IF NOT EXISTS jobs_by_status ON jobs(status, queued_at, seq);
CREATE TABLE IF NOT EXISTS job_devices(
  job_seq INTEGER NOT NULL, idx INTEGER NOT NULL, device_id TEXT NOT NULL,
  batch INTEGER NOT NULL, status TEXT NOT NULL, PRIMARY KEY(job_seq, idx)) WITHOUT ROWID;
)sql";

// Scheduled jobs (version 4): each definition as accepted (schedule and enabled included, in the
// storage spelling), and where its occurrences stand. The jobs an occurrence starts are rows of
// `jobs` whose body names the schedule in scheduledJobId.
constexpr const char* kScheduledJobTables = R"sql(
CREATE TABLE IF NOT EXISTS scheduled_jobs(
  seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT UNIQUE NOT NULL, body TEXT NOT NULL,
  organization TEXT, etag TEXT NOT NULL, completed INTEGER NOT NULL DEFAULT 0,
  next_occurrence INTEGER NOT NULL DEFAULT 0, runs INTEGER NOT NULL DEFAULT 0,
  skipped INTEGER NOT NULL DEFAULT 0);
CREATE INDEX IF NOT EXISTS jobs_by_schedule ON jobs(json_extract(body, '$.scheduledJobId'))
  WHERE json_extract(body, '$.scheduledJobId') IS NOT NULL;
)sql";

// One step up from version `to - 1`: SQL that brings the tables of that version to those of
// `to`. A new column is an ALTER TABLE here and a row in job_columns.cpp.
struct Migration {
  int to;
  const char* sql;
};

constexpr std::array<Migration, 4> kMigrations{{
    // The files from before the version was recorded have version 1's tables already: recording
    // the version is the whole step.
    {1, ""},
    // Organizations: a table for the tree, and the organizations of devices and jobs. Version 1
    // accepted any organization id in a seed's group or a job; each one named there becomes a
    // root organization, so that what was visible stays visible.
    {2, R"sql(
CREATE TABLE IF NOT EXISTS organizations(
  seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT UNIQUE NOT NULL, display_name TEXT NOT NULL,
  parent TEXT);
ALTER TABLE devices ADD COLUMN organizations TEXT;
ALTER TABLE jobs ADD COLUMN organization TEXT;
UPDATE jobs SET organization = json_extract(body, '$.organizations[0]');
INSERT OR IGNORE INTO organizations(id, display_name)
  SELECT DISTINCT member.value, member.value FROM groups, json_each(groups.organizations) member
  WHERE member.type = 'text';
INSERT OR IGNORE INTO organizations(id, display_name)
  SELECT DISTINCT organization, organization FROM jobs WHERE organization IS NOT NULL;
)sql"},
    // Device groups written through the API: an etag revision, members from the filter (a
    // seeded group keeps its explicit members), what reset brings a seeded group back to, and
    // the device properties a filter reads. Every group of an older file came from its seed.
    {3, R"sql(
ALTER TABLE groups ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
ALTER TABLE groups ADD COLUMN explicit_members INTEGER NOT NULL DEFAULT 1;
ALTER TABLE groups ADD COLUMN seeded INTEGER NOT NULL DEFAULT 1;
ALTER TABLE groups ADD COLUMN seed_state TEXT;
ALTER TABLE groups ADD COLUMN deleted INTEGER NOT NULL DEFAULT 0;
UPDATE groups SET seed_state = json_object('displayName', display_name,
  'description', description, 'filter', filter, 'organizations', organizations);
ALTER TABLE devices ADD COLUMN simulated INTEGER NOT NULL DEFAULT 1;
ALTER TABLE devices ADD COLUMN enabled INTEGER NOT NULL DEFAULT 1;
)sql"},
    // Scheduled jobs: their table; nothing before this version had any.
    {4, kScheduledJobTables},
}};
static_assert(kMigrations.back().to == kSchemaVersion, "every version has its migration step");

bool has_table(Database& db, const char* table) {
  auto query = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
  query.bind(1, table);
  return query.step();
}

std::optional<int> parse_version(const std::string& text) {
  int value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < 0) return std::nullopt;
  return value;
}

[[noreturn]] void refuse(const std::string& name, const std::string& found) {
  throw std::runtime_error(name + " is a state of schema version " + found +
                           ", and this iotc-jobs-emulator reads versions up to " +
                           std::to_string(kSchemaVersion) +
                           ": open it with the iotc-jobs-emulator that wrote it, or give a new "
                           "--state file");
}

}  // namespace

std::optional<int> read_schema_version(Database& db, const std::string& name) {
  if (!has_table(db, "meta")) return std::nullopt;
  auto query = db.prepare("SELECT value FROM meta WHERE key = ?");
  query.bind(1, kVersionKey);
  if (!query.step()) return 0;
  const std::string text = query.text(0);
  auto version = parse_version(text);
  if (!version) refuse(name, "'" + text + "'");
  if (*version > kSchemaVersion) refuse(name, text);
  return version;
}

void prepare_schema(Database& db, std::optional<int> version) {
  Transaction tx(db);
  if (version) {
    for (const auto& step : kMigrations) {
      if (step.to > *version) db.exec(step.sql);
    }
  }
  db.exec(kTables);
  db.exec("CREATE TABLE IF NOT EXISTS " + jobs_table_definition() + ";");
  db.exec(kJobTables);
  db.exec(kScheduledJobTables);
  auto record = db.prepare(
      "INSERT INTO meta(key, value) VALUES(?, ?) "
      "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
  record.bind(1, kVersionKey).bind(2, std::to_string(kSchemaVersion));
  record.run();
  tx.commit();
}

}  // namespace iotc::emulator
