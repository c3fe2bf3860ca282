// The generators on a small command tree of their own: what describe() reads from CLI11, and what
// each script and the man page make of it. The real tree is checked by the shell tests.

#include <CLI/CLI.hpp>
#include <catch2/catch.hpp>
#include <cctype>
#include <string>
#include <vector>

#include "cli/completion/spec.hpp"

namespace iotc::cli::completion {
namespace {

using Catch::Matchers::Contains;

// Whether a template marker such as @PROG@ was left unfilled.
bool has_marker(const std::string& script) {
  for (auto at = script.find('@'); at != std::string::npos; at = script.find('@', at + 1)) {
    auto end = at + 1;
    while (end < script.size() && (std::isupper(script[end]) || script[end] == '_')) ++end;
    if (end > at + 1 && end < script.size() && script[end] == '@') return true;
  }
  return false;
}

// A two-command tool: enough for every kind of value.
struct Tool {
  CLI::App app{"Do things to widgets.\n\nExamples:\n  tool fetch w-1", "tool"};
  std::string output, token_file, id, format, name, secret, setting;
  std::vector<std::string> states;
  bool verbose = false;

  Tool() {
    app.footer("Exit status:\n  0    fine\n  1    not fine\n\nEnvironment:\n  TOOL_HOME: where.");
    app.add_option("-o,--output", output, "Output: it's a format")
        ->check(CLI::IsMember({"table", "json"}));
    app.add_option("--token-file", token_file, "Token [file]");
    app.add_flag("-v,--verbose", verbose, "Chatty");
    auto* fetch = app.add_subcommand("fetch", "Fetch a widget.\n\nLonger text.");
    fetch->add_option("JOB_ID", id, "The widget")->required();
    fetch->add_option("-s,--state", states, "Only these")->check(CLI::IsMember({"on", "off"}));
    auto* make = app.add_subcommand("make", "Make a widget.");
    make->add_option("JOB_ID", id, "A new id");
    make->add_option("--name", name, "Its name");
    make->add_option("--set", setting, "PATH=VALUE: set a property");
    app.add_subcommand("secret", "Hidden")->group("")->add_option("--key", secret, "k");
  }
};

TEST_CASE("describe reads commands, options, choices and value kinds from the tree") {
  Tool tool;
  const auto root = describe(tool.app);
  CHECK(root.name == "tool");
  CHECK(root.summary() == "Do things to widgets.");
  CHECK_THAT(root.footer, Contains("Exit status:"));
  REQUIRE(root.commands.size() == 2);  // the hidden one is left out
  CHECK(root.commands[0].name == "fetch");
  CHECK(root.commands[1].name == "make");

  REQUIRE(root.options.size() == 4);  // -h/--help, -o/--output, --token-file, -v/--verbose
  const auto& output = root.options[1];
  CHECK(output.names == std::vector<std::string>{"-o", "--output"});
  CHECK(output.kind == ValueKind::choice);
  CHECK(output.choices == std::vector<std::string>{"table", "json"});
  CHECK(output.value_name == "table|json");
  CHECK(root.options[2].kind == ValueKind::file);
  CHECK(root.options[3].kind == ValueKind::none);
  CHECK_FALSE(root.options[3].takes_value());

  const auto& fetch = root.commands[0];
  REQUIRE(fetch.positionals.size() == 1);
  CHECK(fetch.positionals[0].kind == ValueKind::job_id);
  CHECK(fetch.positionals[0].value_name == "JOB_ID");
  REQUIRE(fetch.options.size() == 2);  // its own -h/--help, -s/--state
  CHECK(fetch.options[1].repeatable);
  CHECK(fetch.options[1].choices == std::vector<std::string>{"on", "off"});
  // An optional JOB_ID names a job that does not exist yet: nothing to look up.
  CHECK(root.commands[1].positionals[0].kind == ValueKind::text);
  // Value names: from the help when it starts with the value's shape, else the option's name.
  CHECK(root.commands[1].options[1].value_name == "NAME");
  CHECK(root.commands[1].options[2].value_name == "PATH=VALUE");
  CHECK(connection_options(root) == std::vector<std::string>{"--token-file"});
}

TEST_CASE("the bash script knows which options take values and what to offer") {
  Tool tool;
  const auto script = bash_script(describe(tool.app));
  CHECK_THAT(script, Contains("    *:-o | *:--output) return 0 ;;"));
  CHECK_THAT(script, Contains("fetch:-s | fetch:--state) _tool_words \"$cur\" 'on off' ;;"));
  CHECK_THAT(script, Contains("*:--token-file) _tool_files \"$cur\" ;;"));
  CHECK_THAT(script, Contains("fetch:0) _tool_job_id_words \"$cur\" ;;"));
  CHECK_THAT(script, Contains(":*) _tool_words \"$cur\" 'fetch make' ;;"));
  CHECK_THAT(script, Contains("complete -F _tool tool"));
  CHECK_THAT(script, !Contains("secret"));
  CHECK_FALSE(has_marker(script));  // every @MARKER@ filled
}

TEST_CASE("the zsh script escapes descriptions for _arguments") {
  Tool tool;
  const auto script = zsh_script(describe(tool.app));
  CHECK_THAT(script, Contains("#compdef tool"));
  CHECK_THAT(
      script,
      Contains(R"('(-o --output)--output=[Output\: it'\''s a format]:output:(table json)')"));
  CHECK_THAT(script, Contains(R"('--token-file=[Token \[file\]]:token file:_files')"));
  CHECK_THAT(script, Contains("'*--state=[Only these]:state:(on off)'"));
  CHECK_THAT(script, Contains("'1:job id:_tool_job_ids'"));
  CHECK_THAT(script, Contains("'fetch:Fetch a widget.'"));
  CHECK_FALSE(has_marker(script));
}

TEST_CASE("the fish script quotes descriptions the fish way") {
  Tool tool;
  const auto script = fish_script(describe(tool.app));
  CHECK_THAT(
      script,
      Contains(
          R"(complete -c tool -s o -l output -x -a 'table json' -d 'Output: it\'s a format')"));
  CHECK_THAT(script, Contains("complete -c tool -l token-file -r -F -d 'Token [file]'"));
  CHECK_THAT(script, Contains("complete -c tool -n '__tool_at fetch 0' -f -a '(__tool_job_ids)'"));
  CHECK_THAT(script, Contains("complete -c tool -n __tool_no_command -a make -d 'Make a widget.'"));
  CHECK_FALSE(has_marker(script));
}

// A family of subcommands with another name, and ids of the other kinds.
struct FamilyTool {
  CLI::App app{"Widgets in crates.", "tool"};
  std::string token_file, crate, group, schedule, every;

  FamilyTool() {
    app.add_option("--token-file", token_file, "Token");
    auto* crates = app.add_subcommand("crate", "Crates of widgets.");
    crates->alias("crates");
    auto* open = crates->add_subcommand("open", "Open a crate.");
    open->add_option("GROUP", crate, "The crate")->required();
    open->add_option("-g,--group", group, "Device group: its id or its display name");
    open->add_option("--every", every, "How often")->check(CLI::IsMember({"daily", "weekly"}));
    auto* runs = crates->add_subcommand("runs", "List its runs.");
    runs->add_option("SCHEDULE_ID", schedule, "The schedule")->required();
    auto* add = crates->add_subcommand("add", "Add a schedule.");
    add->add_option("SCHEDULE_ID", schedule, "A new id");
  }
};

TEST_CASE("describe reads families, other names and the kinds of id") {
  FamilyTool tool;
  const auto root = describe(tool.app);
  REQUIRE(root.commands.size() == 1);
  const auto& crate = root.commands[0];
  CHECK(crate.aliases == std::vector<std::string>{"crates"});
  REQUIRE(crate.commands.size() == 3);
  const auto& open = crate.commands[0];
  CHECK(open.positionals[0].kind == ValueKind::group_id);
  CHECK(open.options[1].kind == ValueKind::group_id);  // -g/--group
  CHECK(open.options[2].kind == ValueKind::choice);
  CHECK(crate.commands[1].positionals[0].kind == ValueKind::schedule_id);
  // An optional SCHEDULE_ID names a new one.
  CHECK(crate.commands[2].positionals[0].kind == ValueKind::text);

  const auto commands = all_commands(root);
  REQUIRE(commands.size() == 4);
  CHECK(commands[1].path == std::vector<std::string>{"crate", "open"});
  const auto lookups = id_lookups_in(root);
  REQUIRE(lookups.size() == 2);  // no job id in this tree
  CHECK(lookups[0].kind == ValueKind::group_id);
  CHECK(lookups[1].kind == ValueKind::schedule_id);
}

TEST_CASE("the bash script descends into a family and looks each kind of id up") {
  FamilyTool tool;
  const auto script = bash_script(describe(tool.app));
  CHECK_THAT(script, Contains("          :crate | :crates) command=crate ;;"));
  CHECK_THAT(script, Contains("          crate:open) command=crate/open ;;"));
  CHECK_THAT(script, Contains("    crate:0) _tool_words \"$cur\" 'open runs add' ;;"));
  CHECK_THAT(script, Contains("crate/open:--every) _tool_words \"$cur\" 'daily weekly' ;;"));
  CHECK_THAT(script, Contains("crate/open:-g | crate/open:--group) _tool_group_id_words"));
  CHECK_THAT(script, Contains("    crate/open:0) _tool_group_id_words \"$cur\" ;;"));
  CHECK_THAT(script, Contains("    crate/runs:0) _tool_schedule_id_words \"$cur\" ;;"));
  CHECK_THAT(script, Contains("      crate/open) options+=' -g --group --every' ;;"));
  CHECK_THAT(script, Contains("_tool_id_words \"$1\" '^[A-Za-z0-9_-]{1,255}$' group list -o tsv"));
  CHECK_THAT(script, Contains("--columns id --timeout 2s --retries 0"));  // bash shows no names
  CHECK_THAT(script, !Contains("_tool_job_id_words"));
  CHECK_THAT(script, !Contains("crate/add:0"));
  CHECK_FALSE(has_marker(script));
}

TEST_CASE("the zsh script gives a family a function of its own") {
  FamilyTool tool;
  const auto script = zsh_script(describe(tool.app));
  CHECK_THAT(script, Contains("        (crate|crates)\n          _tool_crate && ret=0\n"));
  CHECK_THAT(script, Contains("\n_tool_crate() {\n"));
  CHECK_THAT(script, Contains("_describe -t commands 'crate command' commands"));
  CHECK_THAT(script, Contains("curcontext=${curcontext%:*:*}:tool-crate-$words[1]:"));
  CHECK_THAT(script, Contains("'1:group:_tool_group_ids'"));
  CHECK_THAT(script, Contains("'1:schedule id:_tool_schedule_ids'"));
  CHECK_THAT(script, Contains("'--every=[How often]:every:(daily weekly)'"));
  CHECK_THAT(script, Contains("_tool_ids group-ids 'group id' '^[A-Za-z0-9_-]{1,255}$' group list "
                              "-o tsv --columns id,displayName --timeout 2s --retries 0\n"));
  CHECK_THAT(script, Contains("name=\"${name[1,60 - 3]}...\""));
  CHECK_FALSE(has_marker(script));
}

TEST_CASE("the fish script completes a family's subcommands and their arguments") {
  FamilyTool tool;
  const auto script = fish_script(describe(tool.app));
  CHECK_THAT(script,
             Contains("complete -c tool -n '__tool_at crate 0' -f -a open -d 'Open a crate.'"));
  CHECK_THAT(script, Contains("complete -c tool -n '__tool_using crate open' -l every -x -a "
                              "'daily weekly'"));
  CHECK_THAT(script, Contains("complete -c tool -n '__tool_at crate runs 0' -f -a "
                              "'(__tool_schedule_ids)'"));
  CHECK_THAT(script, Contains("case crates\n                            set token crate\n"));
  CHECK_THAT(script, Contains("function __tool_group_ids\n    __tool_described_ids "
                              "'^[A-Za-z0-9_-]{1,255}$' group list -o tsv --columns id,displayName "
                              "--timeout 2s --retries 0\nend"));
  CHECK_THAT(script, Contains("(string sub -l (math 60 - 3) -- \"$name\")..."));
  CHECK_FALSE(has_marker(script));
}

TEST_CASE("a lookup lists the ids alone or each with its display name") {
  const auto* schedules = id_lookup(ValueKind::schedule_id);
  REQUIRE(schedules != nullptr);
  CHECK(lookup_command(*schedules, LookupColumns::ids) ==
        "schedule list -o tsv --columns id --limit 20 --timeout 2s --retries 0");
  CHECK(lookup_command(*schedules, LookupColumns::ids_and_names) ==
        "schedule list -o tsv --columns id,displayName --limit 20 --timeout 2s --retries 0");
}

TEST_CASE("the man page has the tree, the footer's sections and the include's") {
  Tool tool;
  const auto extra = parse_man_include(
      "comment before any section\n[FILES]\n.TP\n~/.tool\n[<ENVIRONMENT]\nFirst.\n[=NAME]\n"
      "tool \\- widgets\n");
  REQUIRE(extra.size() == 3);
  CHECK(extra[1].placement == ManSection::Placement::before);
  const auto page = man_page(describe(tool.app), "1.2.3", extra);
  CHECK_THAT(page, Contains(".TH TOOL 1 \"\" \"tool 1.2.3\" \"User Commands\""));
  CHECK_THAT(page, Contains(".SH \"NAME\"\ntool \\- widgets\n.SH \"SYNOPSIS\""));
  CHECK_THAT(page, Contains("\\fBtool fetch\\fR \\fIJOB_ID\\fR [\\fIoptions\\fR]"));
  CHECK_THAT(page, Contains("\\fBtool make\\fR [\\fIJOB_ID\\fR] [\\fIoptions\\fR]"));
  CHECK_THAT(page, Contains(".TP\n\\fB\\-o\\fR, \\fB\\-\\-output\\fR \\fItable|json\\fR\n"));
  CHECK_THAT(page, Contains(".RS 2\n.nf\ntool fetch w\\-1\n.fi\n.RE\n"));
  CHECK_THAT(page, Contains(".SH \"EXIT STATUS\"\n.TP\n.B 0\nfine\n.TP\n.B 1\nnot fine\n"));
  CHECK_THAT(page, Contains(".SH \"ENVIRONMENT\"\nFirst.\nTOOL_HOME: where.\n"));
  CHECK_THAT(page, Contains(".SH \"FILES\"\n.TP\n~/.tool\n"));
  CHECK_THAT(page, !Contains("secret"));
}

}  // namespace
}  // namespace iotc::cli::completion
