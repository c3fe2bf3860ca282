#pragma once
// The values of the group commands' flags, checked before anything is sent (exit 2 naming the
// flag): ids, names, descriptions and filters.

#include <optional>
#include <string>
#include <string_view>

#include "model/job.hpp"

namespace iotc::cli {

// A group id the user gives to create: the rule of job ids (IoT Central's GUIDs fit it).
void check_group_id(std::string_view id);

// --name, --description, --filter: UTF-8 (JSON carries nothing else), no control characters (a
// name is printed in tables and prompts; an escape sequence would drive the terminal), not
// empty and at most kMaxGroupText bytes. Throws UsageError naming `flag`.
inline constexpr std::size_t kMaxGroupText = 64 * 1024;
void check_group_text(std::string_view flag, std::string_view text);

// The members the flags set, for PUT (create) or PATCH (update); unset flags are left out.
struct GroupFields {
  std::optional<std::string> name;
  std::optional<std::string> filter;
  std::optional<std::string> description;
  std::optional<std::string> organization;
};
// Checks each flag given and returns the group they describe.
model::DeviceGroup group_from_fields(const GroupFields& fields);

}  // namespace iotc::cli
