#include "cli/usage_text.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
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

// "a, b or c" from CLI11's "{a,b,c}" (or "a,b,c").
std::string choices_text(std::string list) {
  if (!list.empty() && list.front() == '{') list.erase(0, 1);
  if (!list.empty() && list.back() == '}') list.pop_back();
  std::string text;
  std::size_t start = 0;
  while (start <= list.size()) {
    const std::size_t comma = std::min(list.find(',', start), list.size());
    const bool last = comma == list.size();
    if (!text.empty()) text += last ? " or " : ", ";
    text += list.substr(start, comma - start);
    start = comma + 1;
  }
  return text;
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
  // "--output: 1 required TEXT:{table,json} missing": the option was last, without its value.
  static const std::regex kMissingValue("^(\\S+): \\d+ required \\S*?(\\{.*\\})? missing$");
  if (std::regex_match(text, match, kMissingValue)) {
    std::string message = match[1].str() + " needs a value";
    if (match[2].matched) message += ": " + usage_text::choices_text(match[2]);
    return message;
  }
  static const std::regex kNotIn("^(\\S+): (.*) not in (\\{.*\\})$");
  if (std::regex_match(text, match, kNotIn)) {
    return match[1].str() + ": '" + match[2].str() + "' is not " +
           usage_text::choices_text(match[3]);
  }
  static const std::regex kRange("^(\\S+): Value (.*) not in range (\\S+) to (\\S+)$");
  if (std::regex_match(text, match, kRange)) {
    return match[1].str() + " must be " + match[3].str() + " to " + match[4].str() + ", not " +
           match[2].str();
  }
  static const std::regex kExcludes("^(\\S+) excludes (\\S+)$");
  if (std::regex_match(text, match, kExcludes)) {
    return match[1].str() + " and " + match[2].str() + " cannot be given together";
  }
  static const std::regex kRequires("^(\\S+) requires (\\S+)$");
  if (std::regex_match(text, match, kRequires)) {
    return match[1].str() + " needs " + match[2].str();
  }
  static const std::regex kRequired("^([A-Z_]+) is required$");
  if (std::regex_match(text, match, kRequired)) {
    return match[1].str() + " is required: " + usage_text::command_line(command) + " " + match[1].str();
  }
  return text;
}

std::string usage_command_line(const CLI::App& command) {
  return usage_text::command_line(command);
}

std::string usage_hint(const CLI::App& command) {
  return "Run '" + usage_text::command_line(command) + " --help' for usage.";
}

}  // namespace iotc::cli
