// Reads the CLI11 command tree into the plain description the generators work from.

#include <CLI/CLI.hpp>
#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/completion/spec.hpp"

namespace iotc::cli::completion {
namespace tree_detail {

// Options whose value is a path. CLI11 knows no such type unless a validator says so (then the
// type name starts with FILE or DIR); these take "-" for stdin as well, so they carry none.
constexpr std::array<std::string_view, 3> kFileOptions = {"--file", "--token-file", "--cacert"};

// The kind of id whose value name (kIdLookups) `argument` has: the shells look recent ones up. An
// optional positional names a new one (create's JOB_ID, schedule create's SCHEDULE_ID): nothing.
std::optional<ValueKind> id_kind_of(const CLI::Option& option, const Argument& argument) {
  if (option.get_positional() && !option.get_required()) return std::nullopt;
  for (const auto& lookup : kIdLookups) {
    if (argument.value_name == lookup.value_name) return lookup.kind;
  }
  return std::nullopt;
}

// Global options that say which app to ask and how: forwarded by the id lookups.
constexpr std::array<std::string_view, 7> kConnectionOptions = {
    "--app",        "--dns-suffix", "--base-url", "--api-version",
    "--token-file", "--profile",    "--cacert"};

// The values an IsMember validator accepts, from the type name it decorates: "TEXT:{a,b,c}".
std::vector<std::string> choices_of(const std::string& type_name) {
  std::vector<std::string> choices;
  auto open = type_name.find(":{");
  if (open == std::string::npos) return choices;
  auto close = type_name.find('}', open);
  if (close == std::string::npos) return choices;
  std::string_view list(type_name.data() + open + 2, close - open - 2);
  while (!list.empty()) {
    auto comma = list.find(',');
    choices.emplace_back(list.substr(0, comma));
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  return choices;
}

bool is_file_option(const CLI::Option& option, const std::string& base_type) {
  if (base_type.starts_with("FILE") || base_type.starts_with("DIR") ||
      base_type.starts_with("PATH")) {
    return true;
  }
  return std::any_of(option.get_lnames().begin(), option.get_lnames().end(),
                     [](const std::string& name) {
                       return std::find(kFileOptions.begin(), kFileOptions.end(), "--" + name) !=
                              kFileOptions.end();
                     });
}

// A help text that starts with the value's shape names it: "PATH=VALUE: set a device property".
std::optional<std::string> name_in_help(const std::string& help) {
  const auto colon = help.find(": ");
  if (colon == std::string::npos || colon == 0 || !std::isupper(help.front())) return std::nullopt;
  const std::string name = help.substr(0, colon);
  const bool shape = std::all_of(name.begin(), name.end(), [](char c) {
    return std::isupper(c) || std::isdigit(c) ||
           std::string_view("_=[]|%.-").find(c) != std::string_view::npos;
  });
  return shape ? std::optional<std::string>(name) : std::nullopt;
}

// A readable placeholder for the value: a positional's own name, the choices, the help's, or the
// option's long name in capitals (--token-file -> TOKEN_FILE) when CLI11 only knows "TEXT" or
// "INT".
std::string value_name_of(const CLI::Option& option, const std::vector<std::string>& choices,
                          const std::string& base_type) {
  if (option.get_positional()) return option.get_name(true);
  if (!choices.empty()) return join(choices, "|");
  if (auto named = name_in_help(option.get_description())) return *named;
  if (base_type == "INT" || base_type == "UINT") return "N";
  std::string name =
      option.get_lnames().empty() ? option.get_snames().front() : option.get_lnames().front();
  for (auto& c : name) c = c == '-' ? '_' : static_cast<char>(std::toupper(c));
  return name;
}

Argument describe_option(const CLI::Option& option) {
  Argument argument;
  for (const auto& name : option.get_snames()) argument.names.push_back("-" + name);
  for (const auto& name : option.get_lnames()) argument.names.push_back("--" + name);
  argument.help = option.get_description();
  argument.required = option.get_required();
  if (option.get_expected_max() == 0) return argument;  // a flag

  const std::string type_name = option.get_type_name();
  const std::string base_type = type_name.substr(0, type_name.find(':'));
  argument.choices = choices_of(type_name);
  argument.value_name = value_name_of(option, argument.choices, base_type);
  argument.repeatable = option.get_items_expected_max() > 1;
  if (!argument.choices.empty()) {
    argument.kind = ValueKind::choice;
  } else if (auto id_kind = id_kind_of(option, argument)) {
    argument.kind = *id_kind;
  } else if (is_file_option(option, base_type)) {
    argument.kind = ValueKind::file;
  } else {
    argument.kind = ValueKind::text;
  }
  return argument;
}

}  // namespace tree_detail

Command describe(const CLI::App& app) {
  Command command;
  command.name = app.get_name();
  command.description = app.get_description();
  command.footer = app.get_footer();
  command.aliases = app.get_aliases();
  for (const auto* option : app.get_options()) {
    if (option->get_group().empty()) continue;
    auto argument = tree_detail::describe_option(*option);
    (option->nonpositional() ? command.options : command.positionals).push_back(argument);
  }
  for (const auto* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    if (sub->get_group().empty()) continue;
    command.commands.push_back(describe(*sub));
  }
  return command;
}

std::vector<std::string> connection_options(const Command& root) {
  std::vector<std::string> names;
  for (const auto& option : root.options) {
    if (!option.takes_value()) continue;
    for (const auto& name : option.names) {
      if (std::find(tree_detail::kConnectionOptions.begin(), tree_detail::kConnectionOptions.end(),
                    name) != tree_detail::kConnectionOptions.end()) {
        names.push_back(name);
      }
    }
  }
  return names;
}

}  // namespace iotc::cli::completion
