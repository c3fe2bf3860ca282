#include "cli/usage_text.hpp"

#include <CLI/CLI.hpp>
#include <regex>

namespace iotc::cli {
namespace usage_text {

// "iotc-jobs list": the command's words from the program's name down.
std::string command_line(const CLI::App& command) {
  std::string words = command.get_name();
  for (const CLI::App* parent = command.get_parent(); parent != nullptr;
       parent = parent->get_parent()) {
    words = parent->get_name() + " " + words;
  }
  return words;
}

// The option `name` ("--limit", "JOB_ID") of the command or of a command above it.
const CLI::Option* find_option(const CLI::App& command, const std::string& name) {
  for (const CLI::App* scope = &command; scope != nullptr; scope = scope->get_parent()) {
    for (const CLI::Option* option : scope->get_options()) {
      if (option->check_name(name) || option->get_name() == name) return option;
    }
  }
  return nullptr;
}

// "a whole number", "a number", or the option's type name as help shows it.
std::string expected_form(const CLI::Option* option) {
  const std::string type = option != nullptr ? option->get_type_name() : std::string();
  if (type == "INT" || type == "UINT") return "a whole number";
  if (type == "FLOAT") return "a number";
  return type.empty() ? "a valid value" : type;
}

}  // namespace usage_text

std::string usage_message(const CLI::ParseError& error, const CLI::App& command) {
  const std::string text = error.what();
  std::smatch match;
  static const std::regex kConversion("^Could not convert: (\\S+) = (.*)$");
  if (std::regex_match(text, match, kConversion)) {
    const std::string name = match[1];
    return name + ": '" + match[2].str() + "' is not " + usage_text::expected_form(usage_text::find_option(command, name));
  }
  static const std::regex kAtMost("^(\\S+): At Most 1 required but received (\\d+)$");
  if (std::regex_match(text, match, kAtMost)) {
    return match[1].str() + " was given " + match[2].str() + " times; give it once";
  }
  static const std::regex kExtras("^The following arguments? (?:was|were) not expected: (.*)$");
  if (std::regex_match(text, match, kExtras)) {
    return "unexpected argument '" + match[1].str() + "' for " + usage_text::command_line(command);
  }
  static const std::regex kRequired("^([A-Z_]+) is required$");
  if (std::regex_match(text, match, kRequired)) {
    return match[1].str() + " is required: " + usage_text::command_line(command) + " " + match[1].str();
  }
  return text;
}

std::string usage_hint(const CLI::App& command) {
  return "Run '" + usage_text::command_line(command) + " --help' for usage.";
}

}  // namespace iotc::cli
