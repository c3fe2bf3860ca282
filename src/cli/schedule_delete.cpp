// iotc-jobs schedule delete: a scheduled job goes; the jobs it started go on.

#include <CLI/CLI.hpp>
#include <memory>

#include "cli/commands.hpp"
#include "cli/confirm.hpp"
#include "cli/context.hpp"
#include "cli/schedule.hpp"

namespace iotc::cli {

void run_schedule_delete(const ScheduleDeleteOptions& options, Context& context) {
  auto schedules = schedule_client(context);
  if (context.can_ask() && !options.yes) {
    const auto current = schedules.get(options.schedule_id);
    confirm(context,
            "Delete scheduled job " + options.schedule_id + " (" +
                schedule_in_words(current.value, context.service_now()) +
                ")? Its jobs that run go on.",
            options.yes);
  }
  schedules.remove(options.schedule_id);
  context.output().info("Deleted scheduled job " + options.schedule_id + ".");
}

void add_schedule_delete_command(CLI::App& command, Context& context) {
  add_help_details(command, R"(Examples:
  iotc-jobs schedule delete nightly-reboot
  iotc-jobs schedule delete nightly-reboot --yes   # on a terminal, without the question

A run of it that is pending or running goes on.)");
  auto options = std::make_shared<ScheduleDeleteOptions>();
  check_schedule_id(
      command.add_option("SCHEDULE_ID", options->schedule_id, "The scheduled job")->required());
  add_yes_flag(command, options->yes);
  command.callback([options, &context] { run_schedule_delete(*options, context); });
}

void add_schedule_family(CLI::App& command, Context&) {
  add_help_details(command, R"(Examples:
  iotc-jobs schedule create nightly-reboot --group Thermostats \
      --target dtmi:modelDefinition:zomtmdxh:eqod32zbyl --call reboot \
      --start 2026-12-07T02:00:00Z --every daily --occurrences 10
  iotc-jobs schedule list
  iotc-jobs schedule runs nightly-reboot --wait

Scheduled jobs exist in api-versions 2022-07-31 and 2022-10-31-preview. az names them
scheduled-job: iotc-jobs takes that name too.)");
}

}  // namespace iotc::cli
