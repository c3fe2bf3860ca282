#include "cli/app.hpp"

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/job_output.hpp"
#include "cli/stdout_check.hpp"
#include "cli/suggest.hpp"
#include "cli/usage_text.hpp"
#include "errors.hpp"
#include "model/api_version.hpp"
#include "output/format.hpp"
#include "version.hpp"

namespace iotc::cli {
namespace {

constexpr const char* kDescription =
    R"(Run Azure IoT Central device jobs from a terminal, a script or a CI pipeline.

Examples:
  export IOTC_APP=myapp IOTC_API_TOKEN="SharedAccessSignature sr=..."
  iotc-jobs list
  iotc-jobs create --group Thermostats --target dtmi:modelDefinition:zomtmdxh:eqod32zbyl \
      --set targetTemperature=56 --wait
  iotc-jobs devices job-006 --status failed
  iotc-jobs rerun job-006 --wait

Against the local emulator:
  iotc-jobs-emulator --listen 127.0.0.1:8080 --token "$IOTC_API_TOKEN" &
  iotc-jobs --base-url http://127.0.0.1:8080 list)";

constexpr const char* kEnvironmentHelp = R"(Environment:
  IOTC_APP, IOTC_DNS_SUFFIX, IOTC_BASE_URL, IOTC_API_VERSION, IOTC_API_TOKEN, IOTC_PROFILE,
  IOTC_TIMEOUT, IOTC_RETRIES, IOTC_CACERT, IOTC_OUTPUT: defaults for the options above
  (an option beats the environment, which beats the profile).
  NO_COLOR, CLICOLOR=0: no color.  IOTC_FORCE_TTY=1: behave as on a terminal.)";

// Subcommand lists show only the first line of a description; a command's own --help shows all
// of it, examples first.
class Formatter : public CLI::Formatter {
 public:
  std::string make_subcommand(const CLI::App* sub) const override {
    std::string description = sub->get_description();
    description = description.substr(0, description.find('\n'));
    std::stringstream out;
    CLI::detail::format_help(out, sub->get_display_name(true), description, get_column_width());
    return out.str();
  }
};

void add_global_options(CLI::App& app, GlobalOptions& global) {
  auto& flags = global.flags;
  const char* group = "Global options";
  std::vector<std::string> versions;
  for (auto version : model::all_api_versions()) versions.emplace_back(model::to_string(version));
  app.add_option("--app", flags.app, "IoT Central app name ($IOTC_APP)")->group(group);
  app.add_option("--dns-suffix", flags.dns_suffix,
                 "DNS suffix of the app (default azureiotcentral.com)")
      ->group(group);
  app.add_option("--base-url", flags.base_url,
                 "Service URL instead of the app's, e.g. http://127.0.0.1:8080 (emulator)")
      ->group(group);
  app.add_option("--api-version", flags.api_version,
                 "API version: " + model::api_version_list() + " (default 2022-07-31)")
      ->check(CLI::IsMember(versions))
      ->group(group);
  app.add_option("--token-file", flags.token_file,
                 "Read the API token from a file, or - for stdin ($IOTC_API_TOKEN holds one)")
      ->group(group);
  app.add_option("--profile", flags.profile, "Named profile from the config file")->group(group);
  std::vector<std::string> formats;
  for (const auto& [format, name] : output::kFormats) formats.emplace_back(name);
  app.add_option("-o,--output", flags.output, "Output format: " + output::format_list())
      ->check(CLI::IsMember(formats))
      ->group(group);
  app.add_option("--columns", global.columns,
                 "Columns to show, e.g. id,status,progress.failed (dotted JSON paths); with "
                 "-o json/jsonl, the members to keep")
      ->group(group);
  app.add_option("--page-size", global.page_size,
                 "Items per page (1-100) where the call and api-version take maxpagesize "
                 "(2022-10-31-preview lists)")
      ->check(CLI::Range(1, 100))
      ->group(group);
  app.add_option("--timeout", flags.timeout,
                 "Overall time limit, e.g. 90s, 5m (waits: default 30m, then exit 5)")
      ->group(group);
  app.add_option("--retries", flags.retries, "Retries of a failed request (default 4; 0: none)")
      ->group(group);
  app.add_option("--cacert", flags.cacert, "Also trust the CA certificates in this PEM file")
      ->group(group);
  app.add_flag("-v,--verbose", flags.verbose, "One line per request on stderr")->group(group);
  app.add_flag("--debug", flags.debug, "Requests and answers on stderr, secrets redacted")
      ->group(group);
  app.add_flag("--no-color", global.no_color, "No color")->group(group);
  app.add_flag("-q,--quiet", global.quiet, "No messages or progress on stderr, only errors")
      ->group(group);
}

// --page-size is a wish, not a requirement: where no request of the command took it, one
// warning line says so and the command goes on (docs/design.md §1).
void warn_unsent_page_size(Context& context) {
  if (!context.global_options().page_size) return;
  const api::Client* client = context.client_if_made();
  if (client && client->page_size_sent()) return;
  const std::string why =
      client ? "no request of this command takes maxpagesize in api-version " +
                   std::string(model::to_string(client->options().api_version))
             : std::string("this command sends no request");
  context.error_output().warning("--page-size was not sent: " + why +
                                 " (2022-10-31-preview lists jobs and device groups with it)");
}

// "list, show, ... or wait": the primary commands of the table, for the reminder when none was
// given.
std::string primary_command_list() {
  std::vector<std::string_view> names;
  for (const auto& spec : command_table()) {
    if (spec.visibility == Visibility::primary) names.push_back(spec.name);
  }
  std::string list;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) list += i + 1 == names.size() ? " or " : ", ";
    list += names[i];
  }
  return list;
}

// Every JOB_ID and RERUN_ID below `parent`, in every command and family: a bad one is a usage
// error before anything is sent, not a request for a path the service cannot have.
void check_job_ids(CLI::App& parent) {
  for (CLI::App* command : parent.get_subcommands([](const CLI::App*) { return true; })) {
    for (const char* name : {"JOB_ID", "RERUN_ID"}) {
      if (CLI::Option* id = command->get_option_no_throw(name)) check_job_id(id);
    }
    check_job_ids(*command);
  }
}

std::vector<std::string> command_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const auto* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    names.push_back(sub->get_name());
  }
  return names;
}

// The deepest command that parsed ("iotc-jobs schedule create"), or the program itself.
const CLI::App* deepest_command(const CLI::App& app) {
  const CLI::App* command = &app;
  while (!command->get_subcommands().empty()) command = command->get_subcommands().front();
  return command;
}

// For an unknown "--option" on the line: which one, for which command, and the option of that
// command (or a global one) it most likely meant.
std::optional<std::string> unknown_option_message(const CLI::App& app,
                                                  const std::vector<std::string>& args) {
  const CLI::App* command = deepest_command(app);
  std::vector<std::string> names;
  for (const CLI::App* scope = command; scope != nullptr; scope = scope->get_parent()) {
    for (const CLI::Option* option : scope->get_options()) {
      for (const auto& name : option->get_lnames()) names.push_back("--" + name);
    }
  }
  for (const auto& arg : args) {
    if (!arg.starts_with("--") || arg == "--") continue;
    const std::string name = arg.substr(0, arg.find('='));
    if (std::find(names.begin(), names.end(), name) != names.end()) continue;
    std::string message = "unknown option '" + name + "'";
    if (command != &app) message += " for " + usage_command_line(*command);
    if (auto match = closest_match(name, names)) message += ". Did you mean '" + *match + "'?";
    return message;
  }
  return std::nullopt;
}

// The index of the first word on the line that is neither an option nor an option's value
// ("-o json shwo" -> "shwo"): the command, maybe mistyped; nullopt when there is none.
std::optional<std::size_t> command_word(const CLI::App& app, const std::vector<std::string>& args,
                                        std::size_t from = 0) {
  bool skip_value = false;
  for (std::size_t i = from; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (skip_value) {
      skip_value = false;
      continue;
    }
    if (!arg.empty() && arg[0] == '-') {
      const CLI::Option* option = nullptr;
      for (const CLI::App* scope = &app; scope != nullptr && option == nullptr && arg.find('=') == std::string::npos;
           scope = scope->get_parent()) {
        option = scope->get_option_no_throw(arg);
      }
      skip_value = option != nullptr && option->get_items_expected_min() > 0;
      continue;
    }
    if (!arg.empty()) return i;
  }
  return std::nullopt;
}

// CLI11's parse errors: help and version print and exit 0; everything else exits 2, with a
// suggestion when the first word looks like a mistyped command or option.
int report_parse_error(const CLI::ParseError& error, CLI::App& app, Context& context,
                       const std::vector<std::string>& args) {
  if (error.get_exit_code() == static_cast<int>(CLI::ExitCodes::Success)) {
    const int code = app.exit(error, context.error_output().out(), context.error_output().err());
    try {
      flush_and_check(context.error_output().out());  // --help > /dev/full is a failure too
    } catch (...) {
      return report_current_failure(context);
    }
    return code;
  }
  auto& output = context.error_output();
  // The deepest command on the line: its options name the problem, its help is the hint.
  const CLI::App* command = deepest_command(app);
  if (command != &app && command->get_require_subcommand_min() > 0 &&
      dynamic_cast<const CLI::RequiredError*>(&error) != nullptr) {
    // A family without one of its commands ("iotc-jobs schedule"): its help, as a bare
    // `iotc-jobs` prints the program's; a word it does not know is an unknown command.
    const auto family_word = command_word(app, args);
    const auto word = family_word ? command_word(*command, args, *family_word + 1) : std::nullopt;
    if (!word) {
      try {
        const CLI::App* parent = command->get_parent();
        context.error_output().out() << command->help(parent ? usage_command_line(*parent) : "");
        flush_and_check(context.error_output().out());
      } catch (...) {
        return report_current_failure(context);
      }
      return static_cast<int>(ExitCode::success);
    }
    std::string message = "unknown command '" + args[*word] + "' for " + usage_command_line(*command);
    if (auto match = closest_match(args[*word], command_names(*command))) {
      message += ". Did you mean '" + *match + "'?";
    }
    output.error(message + "\n" + usage_hint(*command));
    return static_cast<int>(ExitCode::usage);
  }
  std::string message = usage_message(error, *command);
  const auto unknown_option = dynamic_cast<const CLI::ExtrasError*>(&error) != nullptr
                                  ? unknown_option_message(app, args)
                                  : std::nullopt;
  if (unknown_option) {
    message = *unknown_option;
  } else if (app.get_subcommands().empty() && args.empty()) {
    message = "a command is required: " + primary_command_list();
  } else if (app.get_subcommands().empty()) {
    const auto names = command_names(app);
    if (const auto word = command_word(app, args)) {
      const std::string& arg = args[*word];
      if (auto match = closest_match(arg, names)) {
        message = "unknown command '" + arg + "'. Did you mean '" + *match + "'?";
      } else if (std::find(names.begin(), names.end(), arg) == names.end()) {
        message = "unknown command '" + arg + "'";
      }
    } else {
      message = "a command is required: " + primary_command_list();
    }
  }
  output.error(message + "\n" + usage_hint(*command));
  return static_cast<int>(ExitCode::usage);
}

}  // namespace

int run_cli(int argc, const char* const* argv, Context& context) {
  CLI::App app(kDescription, "iotc-jobs");
  app.formatter(std::make_shared<Formatter>());
  app.footer(std::string("\n") + exit_status_help() + "\n\n" + kEnvironmentHelp);
  app.set_version_flag("--version", std::string("iotc-jobs ") + kVersion);
  app.require_subcommand(1);
  app.fallthrough();  // global options may follow the command: iotc-jobs list -o json
  add_global_options(app, context.global_options());
  add_commands(app, command_table(), context);
  check_job_ids(app);

  std::vector<std::string> args(argv + 1, argv + argc);
  // `iotc-jobs [OPTIONS] help [COMMAND...]` is `iotc-jobs [OPTIONS] [COMMAND...] --help`, as in
  // git and gh.
  if (const auto word = command_word(app, args); word && args[*word] == "help") {
    args.erase(args.begin() + static_cast<std::ptrdiff_t>(*word));
    // `help CMD ...` is `CMD ... --help`; `help` of a word that names no command fails as that
    // word would.
    const auto named = command_word(app, args);
    const auto names = command_names(app);
    if (!named || std::find(names.begin(), names.end(), args[*named]) != names.end()) {
      args.emplace_back("--help");
    }
  }
  auto& out = context.error_output().out();
  try {
    if (args.empty()) {
      // A bare `iotc-jobs` asks what the tool does, as gh and kubectl read it.
      out << app.help();
    } else {
      // The chosen command runs from its callback, once the whole line has parsed.
      // CLI11 takes the arguments in reverse order, to pop them from the back.
      std::vector<std::string> reversed(args.rbegin(), args.rend());
      app.parse(reversed);
      warn_unsent_page_size(context);
    }
    flush_and_check(out);
    return static_cast<int>(ExitCode::success);
  } catch (const CLI::ParseError& error) {
    return report_parse_error(error, app, context, args);
  } catch (...) {
    return report_current_failure(context);
  }
}

int report_current_failure(Context& context) {
  if (context.interrupt().raised()) {
    // Whatever the interrupted call threw, the user pressed Ctrl-C; a wait says how to resume.
    std::string message = "interrupted; a job already sent goes on at the service";
    try {
      throw;
    } catch (const InterruptedError& error) {
      if (std::string_view(error.what()) != "interrupted") message = error.what();
    } catch (...) {
    }
    context.error_output().error(message);
    return static_cast<int>(ExitCode::interrupted);
  }
  const std::exception_ptr failure = std::current_exception();
  try {
    std::rethrow_exception(failure);
  } catch (const AuthError& error) {
    // The token was still sent (the service's clock decides); its se= explains the refusal.
    if (const auto note = context.expired_token_note()) {
      context.error_output().error(context.redact(std::string(error.what()) + "\n" + *note));
      return static_cast<int>(error.exit_code());
    }
  } catch (...) {
  }
  return report_failure(failure, context.error_output(),
                        [&context](std::string_view text) { return context.redact(text); });
}

}  // namespace iotc::cli
