// iotc-jobs group list | show | devices: the app's device groups and their devices.

#include <CLI/CLI.hpp>
#include <memory>

#include "cli/commands.hpp"
#include "cli/context.hpp"
#include "cli/group.hpp"
#include "cli/group_catalogs.hpp"
#include "cli/group_lookup.hpp"
#include "cli/stream_items.hpp"
#include "errors.hpp"

namespace iotc::cli {
namespace group_read_command {

constexpr const char* kListHelp = R"(Examples:
  iotc-jobs group list
  iotc-jobs group list -o json
  iotc-jobs group list --columns id,displayName,organizations)";

constexpr const char* kShowHelp = R"(GROUP is the group's id or its display name (any case).

Examples:
  iotc-jobs group show Thermostats
  iotc-jobs group show 833d7a7d-8f99-4e04-9e56-745806bdba6e -o json)";

constexpr const char* kDevicesHelp = R"(Every device of the group, page after page: the devices a job on the group
would reach now.

Examples:
  iotc-jobs group devices Thermostats
  iotc-jobs group devices Thermostats --summary
  iotc-jobs group devices "Lab thermostats" -o tsv --columns id,provisioned)";

// Counts of a group's devices: by template, and how many are provisioned, simulated, enabled.
model::Json summarise(api::Pager<model::Json>& pager, const InterruptFlag& interrupt) {
  std::int64_t total = 0, provisioned = 0, simulated = 0, enabled = 0;
  model::Json templates = model::Json::object();
  const auto is_true = [](const model::Json& device, const char* key) {
    auto it = device.find(key);
    return it != device.end() && it->is_boolean() && it->get<bool>();
  };
  while (auto device = pager.next()) {
    check_interrupt(interrupt);
    ++total;
    provisioned += is_true(device->raw, "provisioned");
    simulated += is_true(device->raw, "simulated");
    enabled += is_true(device->raw, "enabled");
    auto it = device->raw.find("template");
    const std::string key = it != device->raw.end() && it->is_string() ? it->get<std::string>()
                                                                        : std::string("(none)");
    auto& count = templates[key];
    count = count.is_number() ? count.get<std::int64_t>() + 1 : 1;
  }
  return {{"total", total},
          {"provisioned", provisioned},
          {"simulated", simulated},
          {"enabled", enabled},
          {"templates", templates}};
}

}  // namespace group_read_command

void run_group_list(Context& context) {
  auto& output = context.output();
  auto pager = context.client().list_device_groups();
  auto writer = output.list(group_catalog(), group_list_columns());
  StreamRules<model::DeviceGroup> rules;
  rules.out = &output.out();
  stream_items(pager, *writer, context.interrupt(), rules);
  writer->finish();
  if (writer->count() == 0) output.info("No device groups found.");
}

void run_group_show(const GroupShowOptions& options, Context& context) {
  auto& client = context.client();
  const std::string id = resolve_group(client, options.group);
  if (model::has_group_writes(context.api_version())) {
    context.output().record(client.get_device_group(id).raw, group_catalog(),
                            group_detail_columns());
    return;
  }
  // preview has no GET /deviceGroups/{id}: the list holds the group.
  auto pager = client.list_device_groups();
  while (auto group = pager.next()) {
    if (group->value.id == id) {
      context.output().record(group->raw, group_catalog(), group_detail_columns());
      return;
    }
  }
  throw NotFoundError("device group '" + id + "' not found", 404);
}

void run_group_devices(const GroupDevicesOptions& options, Context& context) {
  require_group_writes(context, "group devices");
  auto& output = context.output();
  auto& client = context.client();
  const std::string id = resolve_group(client, options.group);
  auto pager = client.device_group_devices(id);
  if (options.summary) {
    output.record(group_read_command::summarise(pager, context.interrupt()),
                  group_summary_catalog(), group_summary_columns());
    return;
  }
  auto writer = output.list(group_device_catalog(), group_device_columns());
  StreamRules<model::Json> rules;
  rules.out = &output.out();
  stream_items(pager, *writer, context.interrupt(), rules);
  writer->finish();
  if (writer->count() == 0) output.info("The group has no devices.");
}

void add_group_family(CLI::App& command, Context&) {
  command.alias("groups");
}

void add_group_list_command(CLI::App& command, Context& context) {
  add_help_details(command, group_read_command::kListHelp);
  command.callback([&context] { run_group_list(context); });
}

void add_group_show_command(CLI::App& command, Context& context) {
  add_help_details(command, group_read_command::kShowHelp);
  auto options = std::make_shared<GroupShowOptions>();
  command.add_option("GROUP", options->group, "The group's id or display name")->required();
  command.callback([options, &context] { run_group_show(*options, context); });
}

void add_group_devices_command(CLI::App& command, Context& context) {
  add_help_details(command, group_read_command::kDevicesHelp);
  auto options = std::make_shared<GroupDevicesOptions>();
  command.add_option("GROUP", options->group, "The group's id or display name")->required();
  command.add_flag("--summary", options->summary,
                   "Count the devices by template, provisioned, simulated and enabled instead");
  command.callback([options, &context] { run_group_devices(*options, context); });
}

}  // namespace iotc::cli
