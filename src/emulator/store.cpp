#include "emulator/store.hpp"

#include "emulator/schema.hpp"
#include "emulator/store_rows.hpp"
#include "emulator/scope_sql.hpp"

namespace iotc::emulator {

std::optional<Behavior> parse_behavior(std::string_view text) {
  if (text == "succeeds") return Behavior::succeeds;
  if (text == "fails") return Behavior::fails;
  if (text == "slow") return Behavior::slow;
  if (text == "offline") return Behavior::offline;
  return std::nullopt;
}

std::string_view to_string(Behavior behavior) {
  switch (behavior) {
    case Behavior::succeeds:
      return "succeeds";
    case Behavior::fails:
      return "fails";
    case Behavior::slow:
      return "slow";
    case Behavior::offline:
      return "offline";
  }
  return "succeeds";
}

Store::Store(const std::string& path) : db_(path.empty() ? ":memory:" : path) {
  // A state this emulator cannot read is refused before anything is written to it.
  const auto version = read_schema_version(db_, path);
  if (!path.empty() && path != ":memory:") {
    // WAL + FULL: a commit is on disk before the 200 goes out, and readers never block writers.
    db_.exec("PRAGMA journal_mode=WAL");
    db_.exec("PRAGMA synchronous=FULL");
  }
  db_.exec("PRAGMA foreign_keys=OFF");
  prepare_schema(db_, version);
}

Statement& Store::cached(const std::string& sql) {
  auto& slot = statements_[sql];
  if (!slot) slot = std::make_unique<Statement>(db_.handle(), sql);
  slot->reset();
  return *slot;
}

std::optional<std::string> Store::meta(const std::string& key) {
  auto& s = cached("SELECT value FROM meta WHERE key = ?");
  s.bind(1, key);
  std::optional<std::string> value;
  if (s.step()) value = s.text(0);
  s.reset();
  return value;
}

void Store::set_meta(const std::string& key, const std::string& value) {
  cached(
      "INSERT INTO meta(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = "
      "excluded.value")
      .bind(1, key)
      .bind(2, value)
      .run();
}

void Store::add_template(const std::string& id, const std::string& display_name) {
  cached("INSERT OR REPLACE INTO templates(id, display_name) VALUES(?, ?)")
      .bind(1, id)
      .bind(2, display_name)
      .run();
}

bool Store::template_exists(const std::string& id) {
  auto& s = cached("SELECT 1 FROM templates WHERE id = ?");
  s.bind(1, id);
  bool found = s.step();
  s.reset();
  return found;
}

std::int64_t Store::template_count() {
  auto& s = cached("SELECT count(*) FROM templates");
  s.step();
  auto n = s.int64(0);
  s.reset();
  return n;
}

std::optional<std::string> json_column(const Json& value) {
  return value.is_null() ? std::optional<std::string>() : value.dump();
}

Json read_json_column(const Statement& row, int column) {
  auto text = row.opt_text(column);
  Json value = text ? Json::parse(*text, nullptr, false) : Json();
  return value.is_discarded() ? Json() : value;
}

namespace {

}  // namespace

DeviceRecord read_device(const Statement& row, int first) {
  DeviceRecord device;
  device.id = row.text(first);
  device.display_name = row.text(first + 1);
  device.template_id = row.text(first + 2);
  device.behavior = parse_behavior(row.text(first + 3)).value_or(Behavior::succeeds);
  device.organizations = read_json_column(row, first + 4);
  device.simulated = row.int64(first + 5) != 0;
  device.enabled = row.int64(first + 6) != 0;
  return device;
}

void Store::add_device(const DeviceRecord& device) {
  auto behavior = to_string(device.behavior);
  cached(
      "INSERT OR REPLACE INTO devices(id, display_name, template, behavior, seed_behavior, "
      "organizations, simulated, enabled) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
      .bind(1, device.id)
      .bind(2, device.display_name)
      .bind(3, device.template_id)
      .bind(4, behavior)
      .bind(5, behavior)
      .bind(6, json_column(device.organizations))
      .bind(7, device.simulated ? 1 : 0)
      .bind(8, device.enabled ? 1 : 0)
      .run();
}

std::optional<DeviceRecord> Store::device(const std::string& id) {
  auto& s = cached(
      "SELECT " + std::string(kDeviceColumns) + " FROM devices d WHERE id = ?");
  s.bind(1, id);
  std::optional<DeviceRecord> result;
  if (s.step()) result = read_device(s, 0);
  s.reset();
  return result;
}

bool Store::set_behavior(const std::string& id, Behavior behavior) {
  cached("UPDATE devices SET behavior = ? WHERE id = ?")
      .bind(1, to_string(behavior))
      .bind(2, id)
      .run();
  return db_.changes() > 0;
}

void Store::restore_seed_behaviors() {
  db_.exec("UPDATE devices SET behavior = seed_behavior WHERE behavior <> seed_behavior");
}

std::int64_t Store::device_count() {
  auto& s = cached("SELECT count(*) FROM devices");
  s.step();
  auto n = s.int64(0);
  s.reset();
  return n;
}

}  // namespace iotc::emulator
