// The man page of iotc-jobs, written from the same command tree as --help: synopsis, the global
// options, every command with its own help and options, and the footer's exit codes and
// environment. An include file (help2man's [SECTION] format) adds what --help leaves out.

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cli/completion/spec.hpp"

namespace iotc::cli::completion {
namespace man_detail {

// Text as roff: backslashes, dashes (help2man's convention: every '-' a minus, so that options
// can be copied and searched), and control characters at the start of a line.
std::string escape(std::string_view text) {
  std::string escaped;
  for (char c : text) {
    if (c == '\\') {
      escaped += "\\e";
    } else if (c == '-') {
      escaped += "\\-";
    } else {
      escaped += c;
    }
  }
  if (!escaped.empty() && (escaped.front() == '.' || escaped.front() == '\'')) {
    escaped.insert(0, "\\&");
  }
  return escaped;
}

bool indented(const std::string& line) {
  return !line.empty() && std::isspace(line.front());
}

std::string trim_left(const std::string& line) {
  auto start = line.find_first_not_of(" \t");
  return start == std::string::npos ? "" : line.substr(start);
}

// Help text as roff: paragraphs split by blank lines, filled; indented lines (examples, tables)
// kept as they are, in an indented no-fill block.
std::string render_text(std::string_view text) {
  std::string roff;
  bool in_block = false;
  bool paragraph_open = false;
  for (const auto& line : split_lines(text)) {
    if (indented(line)) {
      if (!in_block) roff += std::string(paragraph_open ? "" : ".PP\n") + ".RS 2\n.nf\n";
      in_block = true;
      paragraph_open = true;
      roff += escape(line.substr(std::min<std::size_t>(2, line.find_first_not_of(" \t")))) + "\n";
      continue;
    }
    if (in_block) roff += ".fi\n.RE\n";
    in_block = false;
    if (line.empty()) {
      paragraph_open = false;
      continue;
    }
    if (!paragraph_open) roff += ".PP\n";
    paragraph_open = true;
    roff += escape(line) + "\n";
  }
  if (in_block) roff += ".fi\n.RE\n";
  return roff;
}

std::string option_entry(const Argument& option) {
  std::vector<std::string> names;
  for (const auto& name : option.names) names.push_back("\\fB" + escape(name) + "\\fR");
  std::string entry = ".TP\n" + join(names, ", ");
  if (option.takes_value()) entry += " \\fI" + escape(option.value_name) + "\\fR";
  if (option.repeatable) entry += " ...";
  return entry + "\n" + escape(option.help) + "\n";
}

std::string positional_entry(const Argument& positional) {
  return ".TP\n\\fI" + escape(positional.value_name) + "\\fR\n" + escape(positional.help) + "\n";
}

// "show JOB_ID [options]" (roff), for the synopsis and the command's heading.
std::string usage(const std::string& program, const Command& command) {
  std::string text = "\\fB" + escape(program + " " + command.name) + "\\fR";
  for (const auto& positional : command.positionals) {
    const std::string name = "\\fI" + escape(positional.value_name) + "\\fR";
    text += positional.required ? " " + name : " [" + name + "]";
  }
  if (!command.options.empty()) text += " [\\fIoptions\\fR]";
  return text;
}

struct Section {
  std::string name;
  std::string roff;
};

// The synopsis lines of `command` under `program`: its own, or for a family ("schedule") one
// for each of its commands.
std::string synopsis_lines(const std::string& program, const Command& command) {
  if (command.commands.empty()) return ".br\n" + usage(program, command) + "\n";
  std::string lines;
  for (const auto& sub : command.commands) lines += synopsis_lines(program + " " + command.name, sub);
  return lines;
}

// The COMMANDS entry of `command` under `program` ("iotc-jobs", or "iotc-jobs schedule" for a
// family's command), then those of a family's commands. Options of the program itself are said
// once, in OPTIONS.
std::string command_entries(const std::string& program, const Command& command,
                            const std::vector<Argument>& global_options) {
  // The heading is the command line without the program's name: "schedule create".
  const auto space = program.find(' ');
  const std::string heading =
      (space == std::string::npos ? "" : program.substr(space + 1) + " ") + command.name;
  std::string entry = ".SS \"" + escape(heading) + "\"\n" + usage(program, command) + "\n";
  entry += render_text(command.description);
  if (!command.positionals.empty() || !command.options.empty()) entry += ".PP\n";
  for (const auto& positional : command.positionals) entry += positional_entry(positional);
  for (const auto& option : command.options) {
    const bool global = std::any_of(global_options.begin(), global_options.end(),
                                    [&](const Argument& g) { return g.names == option.names; });
    if (!global) entry += option_entry(option);
  }
  for (const auto& sub : command.commands) {
    entry += command_entries(program + " " + command.name, sub, global_options);
  }
  return entry;
}

// "  0    success" -> {"0", "success"}: an indented word, two spaces or more, the rest. (No
// std::regex: gcc 12 warns falsely inside <regex> under the sanitizers.)
std::optional<std::pair<std::string, std::string>> table_row(const std::string& line) {
  const auto word = line.find_first_not_of(" \t");
  if (word == 0 || word == std::string::npos) return std::nullopt;
  const auto gap = line.find_first_of(" \t", word);
  if (gap == std::string::npos) return std::nullopt;
  const auto rest = line.find_first_not_of(" \t", gap);
  if (rest == std::string::npos || rest - gap < 2) return std::nullopt;
  return std::make_pair(line.substr(word, gap - word), line.substr(rest));
}

// The footer's paragraphs that start with a heading ("Exit status:") become sections; lines
// like "  0    success" become a table.
void add_footer_sections(std::string_view footer, std::vector<Section>& sections) {
  std::size_t current = sections.size();  // none yet
  for (const auto& line : split_lines(footer)) {
    if (line.empty()) continue;
    if (!indented(line) && line.back() == ':') {
      std::string name = line.substr(0, line.size() - 1);
      for (auto& c : name) c = static_cast<char>(std::toupper(c));
      current = sections.size();
      sections.push_back({name, ""});
      continue;
    }
    if (current == sections.size()) continue;
    if (auto row = table_row(line)) {
      sections[current].roff += ".TP\n.B " + escape(row->first) + "\n" + escape(row->second) + "\n";
    } else {
      sections[current].roff += escape(trim_left(line)) + "\n";
    }
  }
}

}  // namespace man_detail

std::vector<ManSection> parse_man_include(std::string_view text) {
  std::vector<ManSection> sections;
  for (const auto& line : split_lines(text)) {
    if (line.size() > 2 && line.front() == '[' && line.back() == ']') {
      std::string name = line.substr(1, line.size() - 2);
      auto placement = ManSection::Placement::after;
      if (name.front() == '<') placement = ManSection::Placement::before;
      if (name.front() == '=') placement = ManSection::Placement::replace;
      if (name.front() == '<' || name.front() == '=' || name.front() == '>') name.erase(0, 1);
      sections.push_back({name, "", placement});
    } else if (!sections.empty() && !line.starts_with("#")) {
      sections.back().roff += line + "\n";
    }
  }
  for (auto& section : sections) {
    while (section.roff.ends_with("\n\n")) section.roff.pop_back();
  }
  return sections;
}

std::string man_page(const Command& root, std::string_view version,
                     const std::vector<ManSection>& extra) {
  namespace d = man_detail;
  std::vector<d::Section> sections;

  std::string summary = root.summary();
  if (summary.ends_with('.')) summary.pop_back();
  if (!summary.empty()) summary[0] = static_cast<char>(std::tolower(summary[0]));
  sections.push_back({"NAME", d::escape(root.name) + " \\- " + d::escape(summary) + "\n"});

  std::string synopsis = "\\fB" + d::escape(root.name) +
                         "\\fR [\\fIglobal options\\fR] \\fIcommand\\fR [\\fIarguments\\fR]\n";
  for (const auto& command : root.commands) synopsis += d::synopsis_lines(root.name, command);
  sections.push_back({"SYNOPSIS", synopsis});

  sections.push_back({"DESCRIPTION", d::render_text(root.description)});

  std::string options = "These go before or after the command.\n";
  for (const auto& option : root.options) options += d::option_entry(option);
  sections.push_back({"OPTIONS", options});

  std::string commands;
  for (const auto& command : root.commands) commands += d::command_entries(root.name, command, root.options);
  sections.push_back({"COMMANDS", commands});

  d::add_footer_sections(root.footer, sections);

  for (const auto& section : extra) {
    auto same = std::find_if(sections.begin(), sections.end(),
                             [&](const d::Section& s) { return s.name == section.name; });
    if (same == sections.end()) {
      sections.push_back({section.name, section.roff});
    } else if (section.placement == ManSection::Placement::before) {
      same->roff = section.roff + same->roff;
    } else if (section.placement == ManSection::Placement::replace) {
      same->roff = section.roff;
    } else {
      same->roff += section.roff;
    }
  }

  std::string title = root.name;
  for (auto& c : title) c = static_cast<char>(std::toupper(c));
  std::string page = ".\\\" Generated by `" + root.name +
                     " manpage` from the definitions behind --help: regenerate it rather than "
                     "edit it.\n";
  page += ".TH " + d::escape(title) + " 1 \"\" \"" +
          d::escape(root.name + " " + std::string(version)) + "\" \"User Commands\"\n";
  for (const auto& section : sections) page += ".SH \"" + section.name + "\"\n" + section.roff;
  return page;
}

}  // namespace iotc::cli::completion
