#pragma once
// CLI11's parse errors in the tool's own words: the option and the form it expects, instead of
// "Could not convert: --limit = abc" or "At Most 1 required but received 2".

#include <string>

namespace CLI {
class App;
class ParseError;
}  // namespace CLI

namespace iotc::cli {

// The message for `error`, raised while `command` (the deepest command on the line, or the
// program itself) was parsed. CLI11's own text when there is nothing better to say.
std::string usage_message(const CLI::ParseError& error, const CLI::App& command);

// "iotc-jobs schedule create": the command's words from the program's name down.
std::string usage_command_line(const CLI::App& command);

// "Run 'iotc-jobs list --help' for usage.": the help of the command on the line, else the
// program's.
std::string usage_hint(const CLI::App& command);

}  // namespace iotc::cli
