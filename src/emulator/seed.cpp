#include "emulator/seed.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace iotc::emulator {
namespace {

constexpr const char* kDefaultFilter = "SELECT * FROM devices";

[[noreturn]] void fail(const std::string& where, const std::string& what) {
  throw std::runtime_error(where + ": " + what);
}

std::string string_member(const Json& object, const char* name, const std::string& where,
                          const std::string& fallback = {}, bool required = false) {
  auto it = object.find(name);
  if (it == object.end()) {
    if (required) fail(where + "." + name, "required");
    return fallback;
  }
  if (!it->is_string()) fail(where + "." + name, "must be a string");
  return it->get<std::string>();
}

Behavior behavior_member(const Json& object, const std::string& where) {
  auto it = object.find("behavior");
  if (it == object.end()) it = object.find("behaviour");
  if (it == object.end()) return Behavior::succeeds;
  auto behavior = it->is_string() ? parse_behavior(it->get<std::string>()) : std::nullopt;
  if (!behavior) fail(where + ".behavior", "must be succeeds, fails, slow or offline");
  return *behavior;
}

bool bool_member(const Json& object, const char* name, const std::string& where, bool fallback) {
  auto it = object.find(name);
  if (it == object.end()) return fallback;
  if (!it->is_boolean()) fail(where + "." + name, "must be true or false");
  return it->get<bool>();
}

std::int64_t int_member(const Json& object, const char* name, const std::string& where,
                        std::int64_t fallback) {
  auto it = object.find(name);
  if (it == object.end()) return fallback;
  if (!it->is_number_integer() || it->get<std::int64_t>() < 0) {
    fail(where + "." + name, "must be a whole number, 0 or more");
  }
  return it->get<std::int64_t>();
}

class SeedLoader {
 public:
  explicit SeedLoader(Store& store) : store_(store) {}

  // One organization of the tree; its parent must come before it, so the tree has no cycle.
  void add_organization(const Json& spec, const std::string& where) {
    if (!spec.is_object()) fail(where, "must be an object");
    OrganizationRecord organization;
    organization.id = string_member(spec, "id", where, {}, true);
    if (organization.id.empty()) fail(where + ".id", "must not be empty");
    organization.display_name = string_member(spec, "displayName", where, organization.id);
    if (spec.contains("parent")) {
      organization.parent = string_member(spec, "parent", where);
      if (!store_.organization(*organization.parent)) {
        fail(where + ".parent", "unknown organization '" + *organization.parent +
                                    "' (a parent comes before its children)");
      }
    }
    if (store_.organization(organization.id)) {
      fail(where + ".id", "duplicate organization '" + organization.id + "'");
    }
    store_.add_organization(organization);
  }

  // The "organizations" of a group or a device: declared organization ids; `fallback` when absent.
  Json organizations_member(const Json& spec, const std::string& where, const Json& fallback) {
    auto it = spec.find("organizations");
    if (it == spec.end()) return fallback;
    if (!it->is_array()) fail(where + ".organizations", "must be an array of organization ids");
    for (std::size_t i = 0; i < it->size(); ++i) {
      const Json& id = (*it)[i];
      std::string item_where = where + ".organizations[" + std::to_string(i) + "]";
      if (!id.is_string()) fail(item_where, "must be a string");
      if (!store_.organization(id.get<std::string>())) {
        fail(item_where, "unknown organization '" + id.get<std::string>() +
                             "' (declare it in organizations)");
      }
    }
    return *it;
  }

  // One device, or a generator {"count", "prefix", ...}; returns the ids it made, in order.
  // Devices without organizations of their own take `organizations` (their group's).
  std::vector<std::string> add_devices(const Json& spec, const std::string& where,
                                       const Json& organizations = Json()) {
    if (!spec.is_object()) fail(where, "must be an object");
    std::vector<std::string> ids;
    DeviceRecord device;
    device.template_id = string_member(spec, "template", where);
    device.behavior = behavior_member(spec, where);
    device.simulated = bool_member(spec, "simulated", where, true);
    device.enabled = bool_member(spec, "enabled", where, true);
    device.organizations = organizations_member(spec, where, organizations);
    if (!spec.contains("count")) {
      device.id = string_member(spec, "id", where, {}, true);
      device.display_name = string_member(spec, "displayName", where, device.id);
      store_.add_device(device);
      ids.push_back(device.id);
      ++summary_.devices;
      return ids;
    }
    std::int64_t count = int_member(spec, "count", where, 0);
    std::int64_t start = int_member(spec, "start", where, 1);
    std::string prefix = string_member(spec, "prefix", where, "device-");
    std::int64_t width = int_member(
        spec, "digits", where, static_cast<std::int64_t>(std::to_string(start + count - 1).size()));
    std::int64_t fail_every = int_member(spec, "failEvery", where, 0);
    std::int64_t slow_every = int_member(spec, "slowEvery", where, 0);
    std::int64_t offline_every = int_member(spec, "offlineEvery", where, 0);
    std::string name_prefix = string_member(spec, "displayNamePrefix", where, prefix);
    ids.reserve(static_cast<std::size_t>(count));
    for (std::int64_t n = start; n < start + count; ++n) {
      std::string number = std::to_string(n);
      if (static_cast<std::int64_t>(number.size()) < width) {
        number.insert(0, static_cast<std::size_t>(width) - number.size(), '0');
      }
      DeviceRecord made = device;
      made.id = prefix + number;
      made.display_name = name_prefix + number;
      if (fail_every > 0 && n % fail_every == 0) made.behavior = Behavior::fails;
      if (slow_every > 0 && n % slow_every == 0) made.behavior = Behavior::slow;
      if (offline_every > 0 && n % offline_every == 0) made.behavior = Behavior::offline;
      store_.add_device(made);
      ids.push_back(made.id);
    }
    summary_.devices += count;
    return ids;
  }

  void add_group(const Json& spec, const std::string& where) {
    if (!spec.is_object()) fail(where, "must be an object");
    GroupRecord group;
    group.id = string_member(spec, "id", where, {}, true);
    group.display_name = string_member(spec, "displayName", where, group.id);
    if (spec.contains("description")) group.description = string_member(spec, "description", where);
    std::string template_id = string_member(spec, "template", where);
    group.filter = string_member(
        spec, "filter", where,
        template_id.empty()
            ? kDefaultFilter
            : std::string(kDefaultFilter) + " WHERE $template = \"" + template_id + "\"");
    group.organizations = organizations_member(spec, where, Json());
    if (store_.group(group.id)) fail(where + ".id", "duplicate group '" + group.id + "'");
    store_.add_group(group);
    ++summary_.groups;
    // Members by template are added once every device is known (see load()).
    if (!template_id.empty()) by_template_.emplace_back(group.seq, template_id);
    std::int64_t position = 0;
    auto devices = spec.find("devices");
    if (devices == spec.end()) return;
    if (!devices->is_array()) fail(where + ".devices", "must be an array");
    for (std::size_t i = 0; i < devices->size(); ++i) {
      const Json& item = (*devices)[i];
      std::string item_where = where + ".devices[" + std::to_string(i) + "]";
      std::vector<std::string> ids;
      if (item.is_string()) {
        if (!store_.device(item.get<std::string>())) {
          fail(item_where, "unknown device '" + item.get<std::string>() + "'");
        }
        ids.push_back(item.get<std::string>());
      } else {
        ids = add_devices(item, item_where, group.organizations);
      }
      for (const auto& id : ids) store_.add_group_member(group.seq, position++, id);
    }
  }

  SeedSummary load(const Json& seed) {
    if (!seed.is_object()) fail("seed", "must be a JSON object");
    for (const auto& key : {"organizations", "templates", "devices", "groups"}) {
      if (seed.contains(key) && !seed[key].is_array()) fail(key, "must be an array");
    }
    const Json empty = Json::array();
    const Json& organizations = seed.contains("organizations") ? seed["organizations"] : empty;
    for (std::size_t i = 0; i < organizations.size(); ++i) {
      add_organization(organizations[i], "organizations[" + std::to_string(i) + "]");
    }
    const Json& templates = seed.contains("templates") ? seed["templates"] : empty;
    for (std::size_t i = 0; i < templates.size(); ++i) {
      std::string where = "templates[" + std::to_string(i) + "]";
      std::string id = string_member(templates[i], "id", where, {}, true);
      store_.add_template(id, string_member(templates[i], "displayName", where, id));
      ++summary_.templates;
    }
    const Json& devices = seed.contains("devices") ? seed["devices"] : empty;
    for (std::size_t i = 0; i < devices.size(); ++i) {
      add_devices(devices[i], "devices[" + std::to_string(i) + "]");
    }
    const Json& groups = seed.contains("groups") ? seed["groups"] : empty;
    for (std::size_t i = 0; i < groups.size(); ++i) {
      add_group(groups[i], "groups[" + std::to_string(i) + "]");
    }
    if (seed.contains("behaviors")) {
      if (!seed["behaviors"].is_object()) fail("behaviors", "must be an object");
      for (const auto& [id, value] : seed["behaviors"].items()) {
        auto behavior = value.is_string() ? parse_behavior(value.get<std::string>()) : std::nullopt;
        if (!behavior) fail("behaviors." + id, "must be succeeds, fails, slow or offline");
        auto device = store_.device(id);
        if (!device) fail("behaviors." + id, "unknown device");
        device->behavior = *behavior;
        store_.add_device(*device);
      }
    }
    for (const auto& [group_seq, template_id] : by_template_) {
      store_.db()
          .prepare(
              "INSERT INTO group_devices(group_seq, pos, device_id) SELECT ?1, ?3 + "
              "ROW_NUMBER() OVER (ORDER BY id) - 1, id FROM devices WHERE template = ?2 "
              "AND id NOT IN (SELECT device_id FROM group_devices WHERE group_seq = ?1)")
          .bind(1, group_seq)
          .bind(2, template_id)
          .bind(3, group_size(group_seq))
          .run();
    }
    return summary_;
  }

 private:
  std::int64_t group_size(std::int64_t group_seq) {
    auto query = store_.db().prepare("SELECT count(*) FROM group_devices WHERE group_seq = ?1");
    query.bind(1, group_seq);
    query.step();
    return query.int64(0);
  }
  std::vector<std::pair<std::int64_t, std::string>> by_template_;
  Store& store_;
  SeedSummary summary_;
};

}  // namespace

SeedSummary load_seed(Store& store, const Json& seed) {
  Transaction tx(store.db());
  auto summary = SeedLoader(store).load(seed);
  store.set_meta("seeded", "1");
  tx.commit();
  return summary;
}

SeedSummary load_seed_file(Store& store, const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read seed file " + path);
  std::stringstream text;
  text << in.rdbuf();
  Json seed = Json::parse(text.str(), nullptr, false);
  if (seed.is_discarded()) throw std::runtime_error(path + ": not valid JSON");
  try {
    return load_seed(store, seed);
  } catch (const std::runtime_error& e) {
    throw std::runtime_error(path + ": " + e.what());
  }
}

}  // namespace iotc::emulator
