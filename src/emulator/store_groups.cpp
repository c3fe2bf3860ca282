// Device groups in the store: seeded ones with their explicit members, and the ones written
// through the API, whose members are their filter's devices (group_filter.hpp), computed at
// each read so that a device's change (an offline device is not provisioned) shows at once.
#include "emulator/group_filter.hpp"
#include "emulator/scope_sql.hpp"
#include "emulator/store.hpp"
#include "emulator/store_rows.hpp"

namespace iotc::emulator {
namespace {

const std::string kGroupColumns =
    "SELECT seq, id, display_name, description, filter, organizations, revision, "
    "explicit_members, seeded FROM groups ";

GroupRecord read_group(Statement& s) {
  GroupRecord g;
  g.seq = s.int64(0);
  g.id = s.text(1);
  g.display_name = s.text(2);
  g.description = s.opt_text(3);
  g.filter = s.text(4);
  g.organizations = read_json_column(s, 5);
  g.revision = s.int64(6);
  g.explicit_members = s.int64(7) != 0;
  g.seeded = s.int64(8) != 0;
  return g;
}

// Filter parameters are numbered from here, above those of the queries that embed them.
constexpr int kFirstFilterParam = 10;

// The group's members as rows (pos, device_id), in order: the seed's list, or the devices its
// filter selects in id order.
struct Members {
  std::string sql;
  FilterSql filter;
};

Members members_of(const GroupRecord& group) {
  if (group.explicit_members) {
    return {"SELECT pos, device_id FROM group_devices WHERE group_seq = ?9", {}};
  }
  FilterSql filter = compile_group_filter(group.filter, kFirstFilterParam);
  return {"SELECT ROW_NUMBER() OVER (ORDER BY d.id) - 1 AS pos, d.id AS device_id "
          "FROM devices d WHERE " + filter.condition,
          std::move(filter)};
}

void bind_members(Statement& s, const GroupRecord& group, const Members& members) {
  s.bind(9, group.seq);
  int index = kFirstFilterParam;
  for (const auto& value : members.filter.params) {
    if (const auto* text = std::get_if<std::string>(&value)) {
      s.bind(index++, *text);
    } else {
      s.bind(index++, std::get<std::int64_t>(value));
    }
  }
}

// ?2 to ?5 of every statement that writes a group: the values the API reads and writes.
Statement& bind_group_values(Statement& s, const GroupRecord& group) {
  return s.bind(2, group.display_name)
      .bind(3, group.description)
      .bind(4, group.filter)
      .bind(5, json_column(group.organizations));
}

}  // namespace

void Store::insert_group(GroupRecord& group, const std::string& sql) {
  bind_group_values(cached(sql).bind(1, group.id), group).run();
  group.seq = sqlite3_last_insert_rowid(db_.handle());
  group.revision = 1;
}

void Store::add_group(GroupRecord& group) {
  group.seeded = true;
  group.explicit_members = true;
  insert_group(group,
               "INSERT INTO groups(id, display_name, description, filter, organizations, "
               "revision, explicit_members, seeded, seed_state) VALUES(?1, ?2, ?3, ?4, ?5, 1, 1, 1, "
               "json_object('displayName', ?2, 'description', ?3, 'filter', ?4, 'organizations', ?5))");
}

void Store::add_group_member(std::int64_t group_seq, std::int64_t position,
                             const std::string& device) {
  cached("INSERT INTO group_devices(group_seq, pos, device_id) VALUES(?, ?, ?)")
      .bind(1, group_seq)
      .bind(2, position)
      .bind(3, device)
      .run();
}

std::optional<GroupRecord> Store::group(const std::string& id, const Scope& scope) {
  static const std::string sql = kGroupColumns + "WHERE id = ?1 AND deleted = 0 AND " +
                                 scoped(any_in_subtree("groups.organizations", 2), 2);
  auto& s = cached(sql);
  s.bind(1, id).bind(2, scope);
  std::optional<GroupRecord> result;
  if (s.step()) result = read_group(s);
  s.reset();
  return result;
}

bool Store::group_id_taken(const std::string& id) {
  auto& s = cached("SELECT 1 FROM groups WHERE id = ?1");
  s.bind(1, id);
  const bool taken = s.step();
  s.reset();
  return taken;
}

std::vector<GroupRecord> Store::groups_page(const GroupQuery& query, std::int64_t offset,
                                            std::int64_t limit, const Scope& scope) {
  // order_by is one of the route's fixed column names, never the caller's text.
  const std::string sql = kGroupColumns + "WHERE deleted = 0 AND (?4 IS NULL OR id = ?4) AND " +
                          "(?5 IS NULL OR display_name = ?5) AND " +
                          scoped(any_in_subtree("groups.organizations", 3), 3) + " ORDER BY " +
                          query.order_by + (query.descending ? " DESC" : "") +
                          ", seq LIMIT ?2 OFFSET ?1";
  auto& s = cached(sql);
  s.bind(1, offset).bind(2, limit).bind(3, scope).bind(4, query.id).bind(5, query.display_name);
  std::vector<GroupRecord> result;
  while (s.step()) result.push_back(read_group(s));
  s.reset();
  return result;
}

void Store::write_group(GroupRecord& group) {
  if (group.seq == 0) {
    insert_group(group,
                 "INSERT INTO groups(id, display_name, description, filter, organizations, "
                 "revision, explicit_members, seeded) VALUES(?1, ?2, ?3, ?4, ?5, 1, 0, 0)");
    return;
  }
  ++group.revision;
  bind_group_values(
      cached("UPDATE groups SET display_name = ?2, description = ?3, filter = ?4, "
             "organizations = ?5, revision = ?6, explicit_members = ?7, deleted = 0 WHERE seq = ?1")
          .bind(1, group.seq),
      group)
      .bind(6, group.revision)
      .bind(7, group.explicit_members ? 1 : 0)
      .run();
}

void Store::delete_group(const GroupRecord& group) {
  if (group.seeded) {
    cached("UPDATE groups SET deleted = 1, revision = revision + 1 WHERE seq = ?1")
        .bind(1, group.seq)
        .run();
  } else {
    cached("DELETE FROM groups WHERE seq = ?1").bind(1, group.seq).run();
  }
}

std::optional<std::string> Store::job_using_group(const std::string& group_id) {
  auto& s = cached(
      "SELECT id FROM jobs WHERE group_id = ?1 AND status IN ('pending', 'running') "
      "ORDER BY seq LIMIT 1");
  s.bind(1, group_id);
  std::optional<std::string> id;
  if (s.step()) id = s.text(0);
  s.reset();
  return id;
}

void Store::reset_groups() {
  db_.exec("DELETE FROM groups WHERE seeded = 0");
  db_.exec(
      "UPDATE groups SET display_name = json_extract(seed_state, '$.displayName'), "
      "description = json_extract(seed_state, '$.description'), "
      "filter = json_extract(seed_state, '$.filter'), "
      "organizations = json_extract(seed_state, '$.organizations'), "
      "revision = revision + 1, explicit_members = 1, deleted = 0 "
      "WHERE seeded = 1 AND (deleted = 1 OR explicit_members = 0 OR revision > 1)");
}

std::vector<std::pair<std::int64_t, DeviceRecord>> Store::group_devices_after(
    const GroupRecord& group, std::int64_t after_position, std::int64_t limit,
    const Scope& scope) {
  const Members members = members_of(group);
  const std::string sql = "SELECT g.pos, " + std::string(kDeviceColumns) + " FROM (" +
                          members.sql + ") g JOIN devices d ON d.id = g.device_id " +
                          "WHERE g.pos > ?2 AND " +
                          scoped(any_in_subtree("d.organizations", 4), 4) +
                          " ORDER BY g.pos LIMIT ?3";
  // Not cached: each filter is its own statement, and the cache must not grow with them.
  Statement s = db_.prepare(sql);
  s.bind(2, after_position).bind(3, limit).bind(4, scope);
  bind_members(s, group, members);
  std::vector<std::pair<std::int64_t, DeviceRecord>> result;
  while (s.step()) result.emplace_back(s.int64(0), read_device(s, 1));
  return result;
}

std::int64_t Store::group_size(const GroupRecord& group, const Scope& scope) {
  const Members members = members_of(group);
  const std::string sql = "SELECT count(*) FROM (" + members.sql + ") g WHERE " +
                          scoped(device_in_subtree("g.device_id", 2), 2);
  Statement s = db_.prepare(sql);
  s.bind(2, scope);
  bind_members(s, group, members);
  s.step();
  return s.int64(0);
}

std::int64_t Store::snapshot_group(std::int64_t job_seq, const GroupRecord& group,
                                   std::int64_t batch_size, const Scope& scope) {
  const Members members = members_of(group);
  const std::string sql =
      "INSERT INTO job_devices(job_seq, idx, device_id, batch, status) "
      "SELECT ?1, ROW_NUMBER() OVER (ORDER BY pos) - 1, device_id, "
      "(ROW_NUMBER() OVER (ORDER BY pos) - 1) / ?3, ?4 FROM (" +
      members.sql + ") g WHERE " + scoped(device_in_subtree("g.device_id", 5), 5) +
      " ORDER BY pos";
  Statement s = db_.prepare(sql);
  s.bind(1, job_seq).bind(3, batch_size).bind(4, to_string(iotc::model::DeviceStatus::pending))
      .bind(5, scope);
  bind_members(s, group, members);
  s.run();
  return db_.changes();
}

}  // namespace iotc::emulator
