// iotc-jobs schedule create: a scheduled job from the flags of create, a job file or both, and
// when it runs.

#include <CLI/CLI.hpp>
#include <memory>

#include "api/trace.hpp"
#include "cli/commands.hpp"
#include "cli/confirm.hpp"
#include "cli/context.hpp"
#include "cli/create.hpp"
#include "cli/device_reach.hpp"
#include "cli/group_lookup.hpp"
#include "cli/ids.hpp"
#include "cli/schedule.hpp"
#include "cli/unknown_members.hpp"
#include "errors.hpp"
#include "model/schedule_validation.hpp"
#include "model/validation.hpp"
#include "output/cells.hpp"

namespace iotc::cli {
namespace schedule_create_command {

constexpr const char* kHelp = R"(Examples:
  iotc-jobs schedule create nightly-reboot --group Thermostats \
      --target dtmi:modelDefinition:zomtmdxh:eqod32zbyl --call reboot \
      --start 2026-12-07T02:00:00Z --every daily --occurrences 10
  iotc-jobs schedule create --file job.json --start now+1h --every weekly --until 2027-03-31
  iotc-jobs schedule create --from job-006 --start now+10m --disabled

Takes every flag of create. --start is RFC 3339 with Z or an offset (a time without one is
refused: which zone would it be?), or now+DURATION on the service's clock; it is sent and shown
in UTC. Without --every it runs once. A new scheduled job is enabled unless --disabled. All its
data items must be of one type (the service requires it of scheduled jobs).)";

// The members of a ScheduledJob a job file may hold besides a Job's.
constexpr const char* kScheduleMembers[] = {"schedule", "enabled"};

model::Problems unknown_problems(const model::Json& document, model::ApiVersion version) {
  model::Json job = document;
  for (const char* member : kScheduleMembers) job.erase(member);
  model::Problems problems = unknown_member_problems(job, version);
  const auto schedule = document.find("schedule");
  if (schedule == document.end() || !schedule->is_object()) return problems;
  for (const auto& [name, value] : schedule->items()) {
    if (name != "start" && name != "recurrence" && name != "end") {
      problems.push_back({"schedule." + name, "unknown member (start, recurrence, end)"});
    }
  }
  return problems;
}

std::string choose_id(const ScheduleCreateOptions& options, const model::Json& document,
                      Context& context) {
  std::string id;
  if (options.schedule_id) {
    id = *options.schedule_id;
  } else if (const auto file_id = document.find("id");
             file_id != document.end() && file_id->is_string() && !options.from) {
    id = file_id->get<std::string>();
  } else {
    id = "schedule" + generate_job_id(context.wall_now(), context.random()).substr(3);
  }
  if (!model::is_valid_job_id(id)) {
    throw UsageError("scheduled job id '" + id + "': " + model::kScheduleIdRule);
  }
  return id;
}

}  // namespace schedule_create_command

void run_schedule_create(const ScheduleCreateOptions& options, Context& context) {
  namespace here = schedule_create_command;
  auto schedules = schedule_client(context);
  const auto version = context.api_version();
  check_schedule_flags(options.schedule);
  model::Json document = read_job_input(context, options.file, options.from, options.payload);
  // A copied job's read-only members (its scheduledJobId, ...) are dropped with the others.
  const std::string id = here::choose_id(options, document, context);
  if (options.schedule.start || options.schedule.every || options.schedule.until ||
      options.schedule.occurrences) {
    // The flags' start is resolved later, on the service's clock: a placeholder checks the rest.
    model::Json members =
        schedule_members(options.schedule, std::chrono::system_clock::time_point{});
    if (!document.contains("schedule") || !document["schedule"].is_object()) {
      document["schedule"] = model::Json::object();
    }
    document["schedule"].merge_patch(members);
  }
  // Sent explicitly: a definition without it is stored disabled.
  if (options.disabled || !document.contains("enabled")) document["enabled"] = !options.disabled;

  model::Problems problems;
  if (!options.allow_unknown_fields) problems = here::unknown_problems(document, version);
  const bool unknown = !problems.empty();
  model::ScheduledJob scheduled;
  for (auto& problem : model::check_scheduled_job_payload(document, version, &scheduled)) {
    problems.push_back(std::move(problem));
  }
  if (!problems.empty() && !scheduled.schedule && options.schedule.start == std::nullopt) {
    // Say which flag gives what is missing.
    for (auto& problem : problems) {
      if (problem.path == "schedule") problem.message = "required: give --start";
    }
  }
  refuse_problems("scheduled job", problems, unknown);

  auto& client = context.client();
  // PUT is create-or-update: an id the user gave is looked up first, and never replaced.
  const bool id_given = options.schedule_id || (document.contains("id") && !options.from);
  if (id_given) {
    try {
      const auto existing = schedules.get(id);
      throw ConflictError("scheduled job " + id + " already exists (" +
                          schedule_in_words(existing.value, context.service_now()) +
                          "); nothing was created (schedule update changes one)");
    } catch (const NotFoundError&) {
    }
  }
  const std::string group_as_typed = scheduled.job.group.value_or("");
  if (scheduled.job.group) scheduled.job.group = resolve_group(client, *scheduled.job.group);
  // now+DURATION on the service's clock, which the requests so far have read.
  if (options.schedule.start) {
    scheduled.schedule->start =
        schedule_members(options.schedule, context.service_now())["start"].get<std::string>();
  }
  refuse_problems("scheduled job", model::validate_schedule(*scheduled.schedule), false);
  const model::Json body = model::to_create_body(scheduled, version);
  if (options.dry_run) {
    context.output().out() << api::describe_request(schedules.create_request(id, body)) << '\n';
    return;
  }
  if (context.can_ask() && !options.yes) {
    confirm(context,
            "Create scheduled job " + id + ": " + output::job_data_text(body["data"]) + ", " +
                schedule_in_words(scheduled, context.service_now()) + ", on " +
                device_reach_text(client, version, *scheduled.job.group) + " of group '" +
                group_as_typed + "'?",
            options.yes);
  }
  const auto created = schedules.create(id, body);
  context.output().info(created.confirmed_after_lost_answer
                            ? "Created scheduled job " + id + " (confirmed after a lost answer)."
                            : "Created scheduled job " + id + ".");
  print_schedule(context, created.raw);
}

void add_schedule_create_command(CLI::App& command, Context& context) {
  add_help_details(command, schedule_create_command::kHelp);
  auto options = std::make_shared<ScheduleCreateOptions>();
  check_schedule_id(
      command.add_option("SCHEDULE_ID", options->schedule_id, "The new scheduled job's id"));
  const auto take_data = add_job_input_flags(command, options->file, options->from,
                                             options->payload, options->allow_unknown_fields);
  add_schedule_flags(command, options->schedule, false);
  command.add_flag("--disabled", options->disabled, "Create it disabled: it runs nothing yet");
  command.add_flag("--dry-run", options->dry_run,
                   "Print the request (token redacted): read, change nothing");
  add_yes_flag(command, options->yes);
  command.callback([options, take_data, &context] {
    take_data();
    run_schedule_create(*options, context);
  });
}

}  // namespace iotc::cli
