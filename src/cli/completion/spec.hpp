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
  // Resources of the configured app, fetched at completion time (kIdLookups).
  job_id,
  group_id,
  schedule_id,
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
  std::string description;           // the whole text; its first line is the summary
  std::string footer;                // after the options in --help: exit codes, environment
  std::vector<std::string> aliases;  // other names it answers to (group: groups)
  std::vector<Argument> options;
  std::vector<Argument> positionals;
  std::vector<Command> commands;

  std::string summary() const { return description.substr(0, description.find('\n')); }
};

// Reads the tree below `app`. Hidden commands and options (CLI11's empty group) are left out.
Command describe(const CLI::App& app);

// The global options that choose the app and how to reach it: the id lookups forward them
// from the line being completed, so that it asks the same service the command will.
std::vector<std::string> connection_options(const Command& root);

// A kind of id that the shells fetch from the app: the value name that marks an argument of that
// kind, the command that lists recent ones (after the program and the forwarded options), and
// the rule a fetched id must match to be offered. The ids come from a service: a line whose id
// breaks the rule is dropped, so that nothing it sends is ever expanded, run or inserted.
struct IdLookup {
  ValueKind kind;
  std::string_view name;        // "job": names the shell functions (_prog_job_ids) and the tag
  std::string_view value_name;  // "JOB_ID": a required positional or an option of that value
  std::string_view list;        // "group list": the command that lists them
  std::string_view limits;      // "--limit 20 --timeout 2s --retries 0", after the columns
  std::string_view rule;        // an extended regular expression, for bash, zsh and fish alike
  std::string_view rule_text;
};

// The 2022 specs give the three one rule: model::kJobIdRule (validation.hpp), which
// check_group_id (cli/group_values.cpp) applies to group ids, and model::kScheduleIdRule
// (scheduled_job.hpp). A group argument also takes a display name; only ids are offered.
inline constexpr std::string_view kIdRule = "^[A-Za-z0-9_-]{1,255}$";
inline constexpr std::string_view kIdRuleText = "1 to 255 letters, digits, '-' or '_'";
inline constexpr IdLookup kIdLookups[] = {
    {ValueKind::job_id, "job", "JOB_ID", "list", "--limit 20 --timeout 2s --retries 0", kIdRule,
     kIdRuleText},
    // group list has no --limit: it lists every group, and an app has few.
    {ValueKind::group_id, "group", "GROUP", "group list", "--timeout 2s --retries 0", kIdRule,
     kIdRuleText},
    {ValueKind::schedule_id, "schedule", "SCHEDULE_ID", "schedule list",
     "--limit 20 --timeout 2s --retries 0", kIdRule, kIdRuleText},
};

// What a lookup prints, one line an item: the ids alone (bash shows no descriptions), or each id,
// a tab and its display name, which zsh and fish show as the id's description. `-o tsv` writes
// a tab, a newline or another control character in a value as an escape ("\t"), so a line is
// `id` or `id<TAB>name`; the shells still drop a line with more tabs, and strip what is not
// printable from the name, since only the rule is trusted.
enum class LookupColumns { ids, ids_and_names };
std::string lookup_command(const IdLookup& lookup, LookupColumns columns);
// The characters of a display name that zsh and fish show at most: a longer one is cut, so
// that a service cannot fill the screen with one.
inline constexpr int kNameWidth = 60;

// The lookup of `kind`, or null when it is not an id.
const IdLookup* id_lookup(ValueKind kind);
// The lookups of the kinds of id that `root`'s tree has, in kIdLookups' order.
std::vector<IdLookup> id_lookups_in(const Command& root);

// A command below the root with the names that lead to it: {"schedule", "create"}.
struct CommandAt {
  std::vector<std::string> path;
  const Command* command;
};
// Every command below `root`, each before its subcommands.
std::vector<CommandAt> all_commands(const Command& root);

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
