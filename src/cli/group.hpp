#pragma once
// iotc-jobs group: the app's device groups (docs/design.md §1): list, show, devices (read), and
// create, update, delete (the 2022 api-versions). A group argument is an id or a display name
// (group_lookup.hpp).

#include <optional>
#include <string>

#include "cli/group_values.hpp"

namespace CLI {
class App;
}

namespace iotc::cli {

class Context;

struct GroupShowOptions {
  std::string group;  // id or name
};
struct GroupDevicesOptions {
  std::string group;
  bool summary = false;
};
struct GroupCreateOptions {
  std::optional<std::string> group_id;  // none: a new GUID
  GroupFields fields;
};
struct GroupUpdateOptions {
  std::string group;
  GroupFields fields;
  std::optional<std::string> if_match;
};
struct GroupDeleteOptions {
  std::string group;
  bool yes = false;
};

void run_group_list(Context& context);
void run_group_show(const GroupShowOptions& options, Context& context);
void run_group_devices(const GroupDevicesOptions& options, Context& context);
void run_group_create(const GroupCreateOptions& options, Context& context);
void run_group_update(const GroupUpdateOptions& options, Context& context);
void run_group_delete(const GroupDeleteOptions& options, Context& context);

// The family row's own part (the alias `groups`), and one per subcommand.
void add_group_family(CLI::App& command, Context& context);
void add_group_list_command(CLI::App& command, Context& context);
void add_group_show_command(CLI::App& command, Context& context);
void add_group_devices_command(CLI::App& command, Context& context);
void add_group_create_command(CLI::App& command, Context& context);
void add_group_update_command(CLI::App& command, Context& context);
void add_group_delete_command(CLI::App& command, Context& context);

// The api-versions without GET /deviceGroups/{id} and the writes (preview) refuse `what` with a
// usage error (exit 2), nothing sent.
void require_group_writes(Context& context, std::string_view what);

}  // namespace iotc::cli
