#pragma once
// iotc-jobs schedule (alias scheduled-job): the scheduled jobs of the app, in the 2022
// api-versions. A family of the command table; each command has its Options, run_X and add_X.

#include <optional>
#include <string>

#include "cli/create_payload.hpp"
#include "cli/schedule_common.hpp"
#include "cli/wait_flags.hpp"

namespace CLI {
class App;
}

namespace iotc::cli {

class Context;

struct ScheduleListOptions {
  int limit = 30;
  bool all = false;
};
void run_schedule_list(const ScheduleListOptions& options, Context& context);
void add_schedule_list_command(CLI::App& command, Context& context);

struct ScheduleShowOptions {
  std::string schedule_id;
};
void run_schedule_show(const ScheduleShowOptions& options, Context& context);
void add_schedule_show_command(CLI::App& command, Context& context);

struct ScheduleCreateOptions {
  std::optional<std::string> schedule_id;
  std::optional<std::string> file;  // a path, or "-" for standard input
  std::optional<std::string> from;  // --from JOB_ID: copy that job's payload
  PayloadFlags payload;
  ScheduleFlags schedule;
  bool disabled = false;
  bool dry_run = false;
  bool yes = false;
  bool allow_unknown_fields = false;
};
void run_schedule_create(const ScheduleCreateOptions& options, Context& context);
void add_schedule_create_command(CLI::App& command, Context& context);

struct ScheduleUpdateOptions {
  std::string schedule_id;
  PayloadFlags payload;  // only what the flags name is sent
  ScheduleFlags schedule;
  std::optional<bool> enabled;          // enable / disable
  std::optional<std::string> if_match;  // 2022-10-31-preview only
  bool dry_run = false;
  bool yes = false;
};
void run_schedule_update(const ScheduleUpdateOptions& options, Context& context);
void add_schedule_update_command(CLI::App& command, Context& context);
void add_schedule_enable_command(CLI::App& command, Context& context);
void add_schedule_disable_command(CLI::App& command, Context& context);

struct ScheduleDeleteOptions {
  std::string schedule_id;
  bool yes = false;
};
void run_schedule_delete(const ScheduleDeleteOptions& options, Context& context);
void add_schedule_delete_command(CLI::App& command, Context& context);

// The family's own help (its examples); its commands carry the options.
void add_schedule_family(CLI::App& command, Context& context);

struct ScheduleRunsOptions {
  std::string schedule_id;
  WaitFlags wait;
};
void run_schedule_runs(const ScheduleRunsOptions& options, Context& context);
void add_schedule_runs_command(CLI::App& command, Context& context);

}  // namespace iotc::cli
