// iotc-jobs schedule update | enable | disable: a JSON merge patch of what the flags name.

#include <CLI/CLI.hpp>
#include <memory>

#include "api/trace.hpp"
#include "cli/commands.hpp"
#include "cli/confirm.hpp"
#include "cli/context.hpp"
#include "cli/create.hpp"
#include "cli/group_lookup.hpp"
#include "cli/schedule.hpp"
#include "errors.hpp"
#include "model/schedule_validation.hpp"

namespace iotc::cli {
namespace schedule_update_command {

constexpr const char* kHelp = R"(Examples:
  iotc-jobs schedule update nightly-reboot --start 2026-12-08T03:00:00Z
  iotc-jobs schedule update nightly-reboot --every weekly --occurrences 12
  iotc-jobs schedule update nightly-reboot --name "Weekly reboot" \
      --if-match '"970070b9-0000-0800-0000-628d554b0000"'

Only what the flags name changes (a JSON merge patch). --if-match sends the etag that
`schedule show -o json` printed: a scheduled job changed since is refused with exit 7. It exists
in api-version 2022-10-31-preview only. The service refuses an update while a run of the
scheduled job is pending or running (exit 7).)";

model::Json patch_of(const ScheduleUpdateOptions& options, Context& context) {
  model::Json patch = build_job_document(std::nullopt, options.payload);
  const model::Json schedule = schedule_members(options.schedule, context.service_now());
  if (!schedule.empty()) patch["schedule"] = schedule;
  if (options.enabled) patch["enabled"] = *options.enabled;
  return patch;
}

}  // namespace schedule_update_command

void run_schedule_update(const ScheduleUpdateOptions& options, Context& context) {
  namespace here = schedule_update_command;
  auto schedules = schedule_client(context);
  const auto version = context.api_version();
  if (options.if_match && !model::has_if_match(version)) {
    throw UsageError("--if-match: api-version " + std::string(model::to_string(version)) +
                     " has no If-Match for scheduled jobs (2022-10-31-preview has); without "
                     "it, update is a plain merge patch");
  }
  if (options.if_match && options.if_match->empty()) {
    throw UsageError("--if-match: give the etag that `schedule show -o json` printed");
  }
  check_schedule_flags(options.schedule);
  model::Json patch = here::patch_of(options, context);
  if (patch.empty()) {
    throw UsageError("nothing to update: name what changes (--start, --every, --name, ...)");
  }
  // The scheduled job as it would become, checked before anything is sent.
  const auto current = schedules.get(options.schedule_id);
  patch = here::patch_of(options, context);  // now+DURATION on the service's clock just read
  if (patch.contains("group")) {
    patch["group"] = resolve_group(context.client(), patch["group"].get<std::string>());
  }
  model::Json merged = current.raw;
  merged.merge_patch(patch);
  model::ScheduledJob scheduled;
  refuse_problems("scheduled job after the update",
                  model::check_scheduled_job_payload(merged, version, &scheduled), false);
  if (options.dry_run) {
    context.output().out() << api::describe_request(schedules.update_request(
                                  options.schedule_id, patch, options.if_match))
                           << '\n';
    return;
  }
  // Disabling stops runs: it needs no question.
  const bool asks = !(patch.size() == 1 && patch.contains("enabled") && !options.enabled.value());
  if (asks && context.can_ask() && !options.yes) {
    confirm(context,
            (options.enabled && *options.enabled && patch.size() == 1 ? "Enable" : "Update") +
                std::string(" scheduled job ") + options.schedule_id + " (" +
                schedule_in_words(scheduled, context.service_now()) + ")?",
            options.yes);
  }
  const auto updated = schedules.update(options.schedule_id, patch, options.if_match);
  context.output().info("Updated scheduled job " + options.schedule_id + ".");
  print_schedule(context, updated.raw);
}

void add_schedule_update_command(CLI::App& command, Context& context) {
  add_help_details(command, schedule_update_command::kHelp);
  auto options = std::make_shared<ScheduleUpdateOptions>();
  auto& payload = options->payload;
  check_schedule_id(
      command.add_option("SCHEDULE_ID", options->schedule_id, "The scheduled job")->required());
  add_schedule_flags(command, options->schedule, true);
  command.add_option("-n,--name", payload.name, "Display name");
  command.add_option("--description", payload.description, "Description");
  command.add_option("-g,--group", payload.group, "Device group: its id or its display name");
  command.add_option("--batch", payload.batch, "Run in batches of N devices or N% of the group");
  command.add_option("--cancel-threshold", payload.cancel_threshold,
                     "Cancel a run when N devices or N% fail");
  command.add_option("--if-match", options->if_match,
                     "ETAG: change it only if it is still this version (2022-10-31-preview)");
  command.add_flag("--dry-run", options->dry_run,
                   "Print the request (token redacted): read, change nothing");
  add_yes_flag(command, options->yes);
  command.callback([options, &context] { run_schedule_update(*options, context); });
}

namespace schedule_toggle_command {

void add_toggle(CLI::App& command, Context& context, bool enabled) {
  add_help_details(command, enabled ? R"(Examples:
  iotc-jobs schedule enable nightly-reboot

Its next occurrence runs; those that passed while it was disabled do not.)"
                                    : R"(Examples:
  iotc-jobs schedule disable nightly-reboot

Its occurrences pass without a run until it is enabled again; a run under way goes on.)");
  auto options = std::make_shared<ScheduleUpdateOptions>();
  options->enabled = enabled;
  check_schedule_id(
      command.add_option("SCHEDULE_ID", options->schedule_id, "The scheduled job")->required());
  if (enabled) add_yes_flag(command, options->yes);
  command.callback([options, &context] { run_schedule_update(*options, context); });
}

}  // namespace schedule_toggle_command

void add_schedule_enable_command(CLI::App& command, Context& context) {
  schedule_toggle_command::add_toggle(command, context, true);
}

void add_schedule_disable_command(CLI::App& command, Context& context) {
  schedule_toggle_command::add_toggle(command, context, false);
}

}  // namespace iotc::cli
