#pragma once
// The SQL that limits a query to a Scope (store.hpp): an organization and its descendants, found
// by walking the organizations table down from the one bound to parameter ?N. A null ?N is the
// whole app. Queries that use these number every parameter (?1, ?2, ...), since SQLite gives a
// bare `?` the number after the largest one used so far.

#include <string>
#include <string_view>

namespace iotc::emulator {

// True when the organization id `expression` is ?N or one of its descendants.
inline std::string in_subtree(std::string_view expression, int param) {
  const std::string p = "?" + std::to_string(param);
  return std::string(expression) +
         " IN (WITH RECURSIVE subtree(id) AS (SELECT " + p +
         " UNION SELECT o.id FROM organizations o JOIN subtree s ON o.parent = s.id) "
         "SELECT id FROM subtree)";
}

// True when any id of the JSON array in `column` (a group's or a device's organizations) is ?N or
// one of its descendants. A null column (no organization: the app's root) is in no subtree.
inline std::string any_in_subtree(std::string_view column, int param) {
  return "EXISTS (SELECT 1 FROM json_each(" + std::string(column) + ") member WHERE " +
         in_subtree("member.value", param) + ")";
}

// True when the device whose id is `device_id` has an organization in ?N's subtree.
inline std::string device_in_subtree(std::string_view device_id, int param) {
  return "EXISTS (SELECT 1 FROM devices d WHERE d.id = " + std::string(device_id) + " AND " +
         any_in_subtree("d.organizations", param) + ")";
}

// `condition`, or true when ?N is null (the whole app).
inline std::string scoped(const std::string& condition, int param) {
  return "(?" + std::to_string(param) + " IS NULL OR " + condition + ")";
}

}  // namespace iotc::emulator
