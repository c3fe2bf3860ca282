// iotc-jobs create: a job from flags, from a job file, or both (flags win).

#include "cli/create.hpp"

#include "config/input_file.hpp"

#include <CLI/CLI.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/confirm.hpp"
#include "cli/context.hpp"
#include "cli/create_payload.hpp"
#include "cli/device_reach.hpp"
#include "cli/dry_run.hpp"
#include "cli/group_lookup.hpp"
#include "cli/ids.hpp"
#include "cli/job_guards.hpp"
#include "cli/job_output.hpp"
#include "cli/unknown_members.hpp"
#include "errors.hpp"
#include "model/job_json.hpp"
#include "model/json_text.hpp"
#include "model/validation.hpp"
#include "output/cells.hpp"

namespace iotc::cli {
namespace create_command {

constexpr const char* kHelp = R"(Examples:
  iotc-jobs create --group Thermostats --target dtmi:modelDefinition:zomtmdxh:eqod32zbyl \
      --set targetTemperature=56 --name "Set target temperature" --batch 25% --wait
  iotc-jobs create job-010 --group 833d7a7d-8f99-4e04-9e56-745806bdba6e \
      --target dtmi:modelDefinition:zomtmdxh:eqod32zbyl --call getMaxMinReport='"2021-06-15"'
  iotc-jobs create --file job.json --name "Same job, new name"
  cat job.json | iotc-jobs create --file - --dry-run
  iotc-jobs create --from job-006 --group "Lab thermostats"

Data flags repeat and combine: --target DTMI applies to the --set, --call and --set-cloud
flags after it. VALUE is read as JSON when it parses (56, true, {"a":1}, '"56"'), else as a
string. A number that would not arrive as typed (1.10, 007, 1e3) and text that starts like JSON
but does not parse ([1,2) are refused: write '"1.10"' for the text. Without JOB_ID the id comes from the file, else job-<yyyymmdd-hhmmss>-<4 random>.
--from JOB_ID copies that job as a job file: its group, data and settings, with the flags
changing the copy, under a new id.
The payload is checked before anything is sent: every problem is listed and the exit status is 2.
A member the api-version's spec does not define (a typo such as cancelationThreshold) is one of
them, unless --allow-unknown-fields; read-only members (id, status, progress, ...) are dropped,
so what `show -o json` prints is a job file.)";

model::Json read_job_file(const std::string& path, std::istream& in) {
  const std::string text =
      path == "-" ? config::read_input_stream(in, "--file - (standard input)",
                                              defaults::kMaxJobFileBytes)
                  : config::read_input_file(path, "--file", defaults::kMaxJobFileBytes);
  const std::string name = path == "-" ? "standard input" : "'" + path + "'";
  // Deeper nesting would overflow the stack when the document is copied or printed.
  if (!model::json_depth_within(text)) {
    throw UsageError("the job file " + name + " nests deeper than " +
                     std::to_string(model::kMaxJsonDepth) + " levels");
  }
  // A member given twice would silently lose one of its values (the parser keeps the last).
  std::vector<std::set<std::string>> keys;  // the member names of each open object
  std::optional<std::string> duplicate;
  const auto track_keys = [&](int, model::Json::parse_event_t event, model::Json& parsed) {
    if (event == model::Json::parse_event_t::object_start) keys.emplace_back();
    if (event == model::Json::parse_event_t::object_end && !keys.empty()) keys.pop_back();
    if (event == model::Json::parse_event_t::key && !keys.empty() && !duplicate &&
        !keys.back().insert(parsed.get<std::string>()).second) {
      duplicate = parsed.get<std::string>();
    }
    return true;
  };
  try {
    model::Json document = model::Json::parse(text, track_keys);
    if (duplicate) {
      throw UsageError("the job file " + name + " has the member '" + *duplicate +
                       "' twice in one object");
    }
    return document;
  } catch (const model::Json::exception& error) {
    // parse_error, and out_of_range for a number too large for a double (1e400).
    throw UsageError("the job file " + name +
                     " is not valid JSON: " + model::json_error_text(error));
  }
}

// create --from JOB_ID: that job as a job file, without its id (the copy is a new job) and
// without what only the service sets (dropped as for any job file).
model::Json copied_job(api::Client& client, const std::string& job_id) {
  if (!model::is_valid_job_id(job_id)) {
    throw UsageError("--from '" + job_id + "': " + model::kJobIdRule);
  }
  model::Json job = client.get_job(job_id).raw;
  if (job.is_object()) job.erase("id");
  return job;
}

std::string choose_id(const CreateOptions& options, const model::Json& document, Context& context) {
  std::string id;
  if (options.job_id) {
    id = *options.job_id;
  } else if (const auto file_id = document.find("id");
             file_id != document.end() && file_id->is_string()) {
    id = file_id->get<std::string>();
  } else {
    id = generate_job_id(context.wall_now(), context.random());
  }
  if (!model::is_valid_job_id(id)) throw UsageError("job id '" + id + "': " + model::kJobIdRule);
  return id;
}

// The data flags in command-line order: CLI11 keeps each option's values, and the order of
// every occurrence in parse_order().
std::vector<DataFlag> ordered_data_flags(
    const CLI::App& command, const std::map<const CLI::Option*, DataFlag::Kind>& kinds) {
  std::vector<DataFlag> flags;
  std::map<const CLI::Option*, std::size_t> used;
  for (const CLI::Option* option : command.parse_order()) {
    const auto kind = kinds.find(option);
    if (kind == kinds.end()) continue;
    const auto& results = option->results();
    const std::size_t index = used[option]++;
    if (index < results.size()) flags.push_back({kind->second, results[index]});
  }
  return flags;
}

}  // namespace create_command

void run_create(const CreateOptions& options, Context& context) {
  check_wait_flags(options.wait);
  const auto version = context.api_version();
  const model::Json document =
      read_job_input(context, options.file, options.from, options.payload);
  const std::string id = create_command::choose_id(options, document, context);

  model::Job job;
  model::Problems problems;
  if (!options.allow_unknown_fields) problems = unknown_member_problems(document, version);
  const bool unknown = !problems.empty();
  for (auto& problem : model::check_job_payload(document, version, &job)) {
    problems.push_back(std::move(problem));
  }
  refuse_problems("job", problems, unknown);

  auto& output = context.output();
  auto& client = context.client();
  // An id the user gave may name a job that exists: never replay it as "Created". A generated
  // id is new. A dry run reads as much as create would, so that it predicts the same ending.
  const bool id_given = options.job_id || (document.contains("id") && document["id"].is_string());
  if (id_given) refuse_existing_job(client, id);
  const std::string group_as_typed = job.group.value_or("");
  if (job.group) job.group = resolve_group(client, *job.group);
  if (options.dry_run) {
    const std::string reach = device_reach_text(client, version, job.group.value_or(""));
    return print_dry_run(context, id, job, reach);
  }
  if (job.group && context.can_ask() && !options.yes) {
    const std::string what = output::job_data_text(model::to_create_body(job, version)["data"]);
    confirm(context,
            "Create job " + id + ": " + what + ", on " +
                device_reach_text(client, version, *job.group) + " of group '" + group_as_typed +
                "'?",
            options.yes);
  }
  const auto created = [&] {
    try {
      return client.create_job(id, model::to_create_body(job, version));
    } catch (const ServiceError& error) {
      // Where the group could not be checked first (preview), the service's refusal says it.
      if (error.code() != "DeviceGroupNotFound") throw;
      throw NotFoundError(error.what(), error.http_status(), error.code(), error.request_id());
    }
  }();
  output.info(created.confirmed_after_lost_answer
                  ? "Created job " + id + " (confirmed after a lost answer)."
                  : "Created job " + id + ".");
  if (options.wait.wait) return wait_and_report(context, id, options.wait.interval);
  print_job(context, created.raw);
}

void add_create_command(CLI::App& command, Context& context) {
  add_help_details(command, create_command::kHelp);
  auto options = std::make_shared<CreateOptions>();
  command.add_option("JOB_ID", options->job_id, "The new job's id");
  const auto take_data = add_job_input_flags(command, options->file, options->from,
                                             options->payload, options->allow_unknown_fields);
  command.add_flag("--dry-run", options->dry_run,
                   "Print the request (token redacted): read, change nothing");
  add_yes_flag(command, options->yes);
  add_wait_flags(command, options->wait);
  command.callback([options, take_data, &context] {
    take_data();
    run_create(*options, context);
  });
}

std::function<void()> add_job_input_flags(CLI::App& command, std::optional<std::string>& file,
                                          std::optional<std::string>& from,
                                          PayloadFlags& payload, bool& allow_unknown_fields) {
  command.add_option("-g,--group", payload.group, "Device group: its id or its display name");
  command.add_option("-f,--file", file, "A job payload (JSON), or - for standard input");
  command.add_option("--from", from, "JOB_ID: copy that job (flags change the copy; a new id)");

  auto data_values = std::make_shared<std::vector<std::vector<std::string>>>(5);
  std::map<const CLI::Option*, DataFlag::Kind> kinds;
  auto add_data = [&](const char* name, DataFlag::Kind kind, std::size_t slot, const char* help) {
    auto* option = command.add_option(name, (*data_values)[slot], help)->allow_extra_args(false);
    option->group("Job data (repeatable, in order)");
    kinds[option] = kind;
  };
  add_data("--target", DataFlag::Kind::target, 0,
           "DTMI: the device template of the flags after it");
  add_data("--set", DataFlag::Kind::set, 1, "PATH=VALUE: set a device property");
  add_data("--call", DataFlag::Kind::call, 2, "NAME[=VALUE]: call a command");
  add_data("--set-cloud", DataFlag::Kind::set_cloud, 3, "PATH=VALUE: set a cloud property");
  add_data("--migrate-to", DataFlag::Kind::migrate_to, 4, "DTMI: migrate devices to this template");

  command.add_option("-n,--name", payload.name, "Display name");
  command.add_option("--description", payload.description, "Description");
  command.add_option("--batch", payload.batch, "Run in batches of N devices or N% of the group");
  command.add_option("--cancel-threshold", payload.cancel_threshold,
                     "Cancel the job when N devices or N% fail");
  command.add_flag("--threshold-per-batch", payload.threshold_per_batch,
                   "Apply --cancel-threshold to each batch, not the whole job");
  command.add_option("--organization", payload.organization, "The organization of the job");
  command.add_flag("--allow-unknown-fields", allow_unknown_fields,
                   "Send members of the job file that the api-version does not define");
  return [&command, &payload, kinds, data_values] {
    payload.data = create_command::ordered_data_flags(command, kinds);
  };
}

model::Json read_job_input(Context& context, const std::optional<std::string>& file_path,
                           const std::optional<std::string>& from, const PayloadFlags& payload) {
  if (file_path == "-" && context.settings().token.kind == config::TokenSourceKind::stdin_) {
    throw UsageError("--file - and --token-file - cannot both read standard input");
  }
  if (file_path && from) throw UsageError("--file and --from both give the job: choose one");
  std::optional<model::Json> file;
  if (file_path) {
    file = create_command::read_job_file(*file_path,
                                         *file_path == "-" ? context.take_input() : context.in());
  }
  if (from) file = create_command::copied_job(context.client(), *from);
  model::Json document = build_job_document(file, payload);
  if (const auto note = replaced_data_note(file, payload)) context.output().info(*note);
  return document;
}

void refuse_problems(std::string_view what, const model::Problems& problems, bool unknown) {
  if (problems.empty()) return;
  std::string message = "the " + std::string(what) + " is not valid (nothing was sent):";
  for (const auto& problem : problems) message += "\n  " + problem.to_string();
  if (unknown) message += "\n(--allow-unknown-fields sends unknown members as they are)";
  throw UsageError(message);
}

}  // namespace iotc::cli
