// iotc-jobs group create | update | delete (2022 api-versions): "Creating what already exists"
// (docs/design.md §2) holds: a create never replaces a group, an update is a merge patch.

#include <CLI/CLI.hpp>
#include <memory>

#include "cli/commands.hpp"
#include "cli/confirm.hpp"
#include "cli/context.hpp"
#include "cli/group.hpp"
#include "cli/group_catalogs.hpp"
#include "cli/group_lookup.hpp"
#include "errors.hpp"
#include "model/job_json.hpp"
#include "util/uuid.hpp"

namespace iotc::cli {
namespace group_write_command {

constexpr const char* kCreateHelp =
    R"(FILTER is the IoT Central query language: SELECT * FROM devices WHERE ...
Without GROUP_ID the group gets a new GUID. A GROUP_ID that exists is refused
(exit 7): change a group with `group update`.

Examples:
  iotc-jobs group create --name "Lab pumps" \
    --filter 'SELECT * FROM devices WHERE $template = "dtmi:contoso:pump;1"'
  iotc-jobs group create lab-pumps --name "Lab pumps" --organization contoso-lab \
    --filter 'SELECT * FROM devices WHERE $provisioned = true')";

constexpr const char* kUpdateHelp =
    R"help(Changes only the members given. --if-match ETAG (2022-10-31-preview) refuses the
change (exit 7) when the group changed since ETAG was read.

Examples:
  iotc-jobs group update "Lab pumps" --description "Pumps of the test lab"
  iotc-jobs group update lab-pumps --filter 'SELECT * FROM devices WHERE $enabled = true' \
    --if-match "$(iotc-jobs group show lab-pumps -o json | jq -r .etag)")help";

constexpr const char* kDeleteHelp =
    R"(Asks first on a terminal (-y skips). A group that a running job uses cannot be
deleted (exit 7).

Examples:
  iotc-jobs group delete "Lab pumps"
  iotc-jobs group delete lab-pumps --yes)";

void add_field_flags(CLI::App& command, GroupFields& fields, bool required) {
  auto* name = command.add_option("-n,--name", fields.name, "Display name");
  auto* filter = command.add_option(
      "--filter", fields.filter, "Which devices: SELECT * FROM devices [WHERE ...]");
  if (required) {
    name->required();
    filter->required();
  }
  command.add_option("--description", fields.description, "Description");
  command.add_option("--organization", fields.organization, "The organization of the group");
}

void print_group(Context& context, const model::Json& raw) {
  context.output().record(raw, group_catalog(), group_detail_columns());
}

}  // namespace group_write_command

void require_group_writes(Context& context, std::string_view what) {
  const auto version = context.api_version();
  if (model::has_group_writes(version)) return;
  throw UsageError(std::string(what) + " needs api-version 2022-07-31 or 2022-10-31-preview: " +
                   std::string(model::to_string(version)) +
                   " has no device group by id (nothing was sent)");
}

void run_group_create(const GroupCreateOptions& options, Context& context) {
  if (options.group_id) check_group_id(*options.group_id);
  const model::DeviceGroup group = group_from_fields(options.fields);
  require_group_writes(context, "group create");
  const auto body = model::to_group_body(group, context.api_version());
  auto& client = context.client();
  const std::string id = options.group_id.value_or(util::new_uuid_v4());
  if (options.group_id) {
    // PUT replaces a group that exists: look first, and never replace one.
    std::optional<api::Item<model::DeviceGroup>> existing;
    try {
      existing = client.get_device_group(id);
    } catch (const NotFoundError&) {
    }
    if (existing) {
      throw ConflictError("device group " + id + " already exists ('" +
                          existing->value.display_name.value_or("") +
                          "'); nothing was created (change it with group update)");
    }
  }
  const auto made = client.create_device_group(id, body);
  context.output().info(made.confirmed_after_lost_answer
                            ? "Created device group " + id + " (confirmed after a lost answer)."
                            : "Created device group " + id + ".");
  group_write_command::print_group(context, made.raw);
}

void run_group_update(const GroupUpdateOptions& options, Context& context) {
  const model::DeviceGroup group = group_from_fields(options.fields);
  if (!options.fields.name && !options.fields.filter && !options.fields.description &&
      !options.fields.organization) {
    throw UsageError(
        "group update: nothing to change; give --name, --filter, --description or "
        "--organization");
  }
  require_group_writes(context, "group update");
  if (options.if_match) {
    if (!model::has_group_if_match(context.api_version())) {
      throw UsageError("--if-match needs api-version 2022-10-31-preview: " +
                       std::string(model::to_string(context.api_version())) +
                       " has no If-Match (nothing was sent)");
    }
    check_group_text("--if-match", *options.if_match);
  }
  auto& client = context.client();
  const std::string id = resolve_group(client, options.group);
  const auto updated = client.update_device_group(
      id, model::to_group_body(group, context.api_version()), options.if_match);
  context.output().info(updated.confirmed_after_lost_answer
                            ? "Updated device group " + id + " (confirmed after a lost answer)."
                            : "Updated device group " + id + ".");
  group_write_command::print_group(context, updated.raw);
}

void run_group_delete(const GroupDeleteOptions& options, Context& context) {
  require_group_writes(context, "group delete");
  auto& client = context.client();
  const std::string id = resolve_group(client, options.group);
  if (context.can_ask() && !options.yes) {
    const auto group = client.get_device_group(id);
    confirm(context,
            "Delete device group '" + group.value.display_name.value_or(id) + "' (" + id + ")?",
            options.yes);
  }
  const bool after_lost_answer = client.delete_device_group(id);
  context.output().info(after_lost_answer
                            ? "Deleted device group " + id + " (confirmed after a lost answer)."
                            : "Deleted device group " + id + ".");
}

void add_group_create_command(CLI::App& command, Context& context) {
  add_help_details(command, group_write_command::kCreateHelp);
  auto options = std::make_shared<GroupCreateOptions>();
  command.add_option("GROUP_ID", options->group_id, "The new group's id (default: a new GUID)");
  group_write_command::add_field_flags(command, options->fields, true);
  command.callback([options, &context] { run_group_create(*options, context); });
}

void add_group_update_command(CLI::App& command, Context& context) {
  add_help_details(command, group_write_command::kUpdateHelp);
  auto options = std::make_shared<GroupUpdateOptions>();
  command.add_option("GROUP", options->group, "The group's id or display name")->required();
  group_write_command::add_field_flags(command, options->fields, false);
  command.add_option("--if-match", options->if_match,
                     "Change it only if its etag is still ETAG (2022-10-31-preview)");
  command.callback([options, &context] { run_group_update(*options, context); });
}

void add_group_delete_command(CLI::App& command, Context& context) {
  add_help_details(command, group_write_command::kDeleteHelp);
  auto options = std::make_shared<GroupDeleteOptions>();
  command.add_option("GROUP", options->group, "The group's id or display name")->required();
  add_yes_flag(command, options->yes);
  command.callback([options, &context] { run_group_delete(*options, context); });
}

}  // namespace iotc::cli
