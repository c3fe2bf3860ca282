#pragma once
// The command table: every subcommand once, with its name, its one-line summary and the function
// that adds its options. It drives dispatch, --help, the completion scripts and the man page
// (which walk the tree built from it), and the "a command is required" reminder, as ninja's
// kTools table drives both dispatch and `-t list`.
//
// Each command lives in its own file with an Options struct, add_X_command (which only parses
// into the struct) and run_X (which does the work, testable without a command line); its header
// declares the struct and run_X. A family of commands (`schedule list`, `schedule create`, ...)
// is a row whose `family` holds the rows of its subcommands.

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace CLI {
class App;
}

namespace iotc::cli {

class Context;

// Adds a command's options and its callback to `command`, which the table already created with
// its name and summary. It may append the rest of the help (examples) to the description.
using AddCommand = void (*)(CLI::App& command, Context& context);

enum class Visibility {
  primary,    // in --help, the completions, the man page and the "a command is required" reminder
  secondary,  // not in the reminder: `completion` sets up a shell, it is not the work itself
  hidden,     // nowhere: `manpage`, which the build runs to write the man page
};

struct CommandSpec {
  std::string_view name;
  std::string_view summary;  // the first line of its help
  AddCommand add = nullptr;  // null for a family: its subcommands carry the options
  std::span<const CommandSpec> family = {};
  Visibility visibility = Visibility::primary;
};

// The top-level commands, in the order --help lists them.
std::span<const CommandSpec> command_table();

// The names of the commands a user sees (not the hidden ones), top level: for tests and
// messages that must not keep their own copy of the list.
std::vector<std::string> visible_command_names();

// Adds every command of `table` below `parent`, families with their subcommands.
void add_commands(CLI::App& parent, std::span<const CommandSpec> table, Context& context);

// Appends the part of a command's help after its summary line (a blank line, then `details`).
void add_help_details(CLI::App& command, std::string_view details);

}  // namespace iotc::cli
