#pragma once
// The command tree as the completion scripts and the man page need it: plain data, read once
// from CLI11 (describe), then turned into text by generators that know nothing of CLI11.

#include <string>
#include <string_view>
#include <vector>

#include "cli/shell_quote.hpp"

namespace CLI {
class App;
}

namespace iotc::cli::completion {

// What the shells offer for a value.
enum class ValueKind {
  none,    // a flag: no value
  text,    // free text: nothing to offer
  choice,  // one of `choices`
  file,    // a path
  job_id,  // a job of the configured app, fetched at completion time
};

// An option (names set) or a positional argument (names empty).
struct Argument {
  std::vector<std::string> names;  // "-o", "--output"
  std::string value_name;          // "FORMAT", "JOB_ID", "table|json|..."
  std::string help;
  ValueKind kind = ValueKind::none;
  std::vector<std::string> choices;
  bool repeatable = false;
  bool required = false;

  bool takes_value() const { return kind != ValueKind::none; }
};

struct Command {
  std::string name;
  std::string description;  // the whole text; its first line is the summary
  std::string footer;       // after the options in --help: exit codes, environment
  std::vector<Argument> options;
  std::vector<Argument> positionals;
  std::vector<Command> commands;

  std::string summary() const { return description.substr(0, description.find('\n')); }
};

// Reads the tree below `app`. Hidden commands and options (CLI11's empty group) are left out.
Command describe(const CLI::App& app);

// The global options that choose the app and how to reach it: the job-id lookup forwards them
// from the line being completed, so that it asks the same service the command will.
std::vector<std::string> connection_options(const Command& root);

// The command line that fetches recent job ids, after the program and the forwarded options.
inline constexpr std::string_view kJobIdLookup =
    "list -o tsv --columns id --limit 20 --timeout 2s --retries 0";

std::string bash_script(const Command& root);
std::string zsh_script(const Command& root);
std::string fish_script(const Command& root);

// A section of extra man-page text, help2man style: `[SECTION]` then roff lines.
struct ManSection {
  enum class Placement { before, replace, after };
  std::string name;
  std::string roff;
  Placement placement = Placement::after;
};
// Parses an include file: `[SECTION]` or `[>SECTION]` appends to a section (or adds it),
// `[<SECTION]` prepends, `[=SECTION]` replaces; lines before the first section and lines that
// start with `#` are comments.
std::vector<ManSection> parse_man_include(std::string_view text);
// The man page (section 1) of `root` and its subcommands; `extra` sections are appended to the
// generated ones of the same name, or added in the usual order.
std::string man_page(const Command& root, std::string_view version,
                     const std::vector<ManSection>& extra);

// Helpers shared by the generators.
std::vector<std::string> split_lines(std::string_view text);
std::string join(const std::vector<std::string>& items, std::string_view separator);
using cli::shell_quote;  // cli/shell_quote.hpp
// The names of every option, then every positional's, of `command` whose value is of `kind`.
std::vector<std::string> names_of(const std::vector<Argument>& options, ValueKind kind);

}  // namespace iotc::cli::completion
