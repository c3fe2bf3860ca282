// The command table (commands.hpp): adding a command is a row here, its own file (Options,
// add_X_command, run_X) and its line in CMakeLists.txt; --help, the completions and the man page
// follow from the row.

#include <CLI/CLI.hpp>
#include <string>

#include "cli/commands.hpp"
#include "cli/completion/command.hpp"
#include "cli/create.hpp"
#include "cli/devices.hpp"
#include "cli/group.hpp"
#include "cli/list.hpp"
#include "cli/rerun.hpp"
#include "cli/schedule.hpp"
#include "cli/resume.hpp"
#include "cli/show.hpp"
#include "cli/stop.hpp"
#include "cli/wait.hpp"

namespace iotc::cli {
namespace command_table_detail {

constexpr CommandSpec kGroupCommands[] = {
    {"list", "List the app's device groups.", add_group_list_command},
    {"show", "Show a device group: its name, filter and organization.", add_group_show_command},
    {"devices", "List the devices of a group now: the ones a job would reach.",
     add_group_devices_command},
    {"create", "Create a device group from a filter.", add_group_create_command},
    {"update", "Change a device group's name, filter, description or organization.",
     add_group_update_command},
    {"delete", "Delete a device group.", add_group_delete_command},
};

constexpr CommandSpec kScheduleCommands[] = {
    {"list", "List the scheduled jobs of the app.", add_schedule_list_command},
    {"show", "Show a scheduled job: its job, when it runs, whether it is enabled.",
     add_schedule_show_command},
    {"create", "Create a scheduled job: a job that runs at a time, once or daily, weekly, monthly.",
     add_schedule_create_command},
    {"update", "Change what the flags name in a scheduled job.", add_schedule_update_command},
    {"enable", "Enable a scheduled job: its next occurrence runs.", add_schedule_enable_command},
    {"disable", "Disable a scheduled job: its occurrences pass without running.",
     add_schedule_disable_command},
    {"delete", "Delete a scheduled job (its running job goes on).", add_schedule_delete_command},
    {"runs", "List the jobs a scheduled job started; --wait for its latest or next.",
     add_schedule_runs_command},
};

constexpr CommandSpec kCommands[] = {
    {"list", "List the jobs of the app.", add_list_command},
    {"show", "Show a job: its data, batches, status and progress.", add_show_command},
    {"devices", "List the devices of a job with their status.", add_devices_command},
    {"create", "Create a job that changes every device of a group.", add_create_command},
    {"stop", "Stop a job. Devices not reached yet stay pending; resume continues them.",
     add_stop_command},
    {"resume", "Resume a stopped job on the devices it had not reached.", add_resume_command},
    {"rerun", "Rerun a job on its failed devices, as a new job.", add_rerun_command},
    {"wait", "Wait for a job to finish, showing its progress on stderr.", add_wait_command},
    {"schedule", "Scheduled jobs: jobs that run at a time, once or again (alias scheduled-job).",
     add_schedule_family, kScheduleCommands},
    {"group", "List, show, create, change and delete device groups.", add_group_family,
     kGroupCommands},
    {"completion",
     "Print the shell completion script for bash, zsh or fish.",
     completion::add_completion_command,
     {},
     Visibility::secondary},
    // az's name for the family: the same commands, kept out of --help and the completions.
    {"scheduled-job",
     "Scheduled jobs (an alias of schedule).",
     add_schedule_family,
     kScheduleCommands,
     Visibility::hidden},
    {"manpage",
     "Print the man page (troff)",
     completion::add_manpage_command,
     {},
     Visibility::hidden},
};

}  // namespace command_table_detail

std::span<const CommandSpec> command_table() {
  return command_table_detail::kCommands;
}

std::vector<std::string> visible_command_names() {
  std::vector<std::string> names;
  for (const auto& spec : command_table()) {
    if (spec.visibility != Visibility::hidden) names.emplace_back(spec.name);
  }
  return names;
}

void add_commands(CLI::App& parent, std::span<const CommandSpec> table, Context& context) {
  for (const auto& spec : table) {
    CLI::App* command = parent.add_subcommand(std::string(spec.name), std::string(spec.summary));
    // CLI11's empty group hides a command from --help; the completions and the man page skip it
    // too.
    if (spec.visibility == Visibility::hidden) command->group("");
    if (spec.add != nullptr) spec.add(*command, context);
    if (!spec.family.empty()) {
      command->require_subcommand(1);
      add_commands(*command, spec.family, context);
    }
  }
}

void add_help_details(CLI::App& command, std::string_view details) {
  command.description(command.get_description() + "\n\n" + std::string(details));
}

}  // namespace iotc::cli
