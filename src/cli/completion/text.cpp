// Small text helpers shared by the completion and man-page generators.

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "cli/completion/spec.hpp"

namespace iotc::cli::completion {

std::vector<std::string> split_lines(std::string_view text) {
  std::vector<std::string> lines;
  while (true) {
    auto end = text.find('\n');
    lines.emplace_back(text.substr(0, end));
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return lines;
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string joined;
  for (const auto& item : items) {
    if (!joined.empty()) joined += separator;
    joined += item;
  }
  return joined;
}

std::vector<std::string> names_of(const std::vector<Argument>& options, ValueKind kind) {
  std::vector<std::string> names;
  for (const auto& option : options) {
    if (option.kind == kind) names.insert(names.end(), option.names.begin(), option.names.end());
  }
  return names;
}

namespace {

void add_below(const Command& command, std::vector<std::string> path,
               std::vector<CommandAt>& commands) {
  for (const auto& sub : command.commands) {
    auto sub_path = path;
    sub_path.push_back(sub.name);
    commands.push_back({sub_path, &sub});
    add_below(sub, sub_path, commands);
  }
}

bool has_kind(const Command& command, ValueKind kind) {
  auto of_kind = [kind](const Argument& argument) { return argument.kind == kind; };
  return std::any_of(command.options.begin(), command.options.end(), of_kind) ||
         std::any_of(command.positionals.begin(), command.positionals.end(), of_kind);
}

}  // namespace

std::vector<CommandAt> all_commands(const Command& root) {
  std::vector<CommandAt> commands;
  add_below(root, {}, commands);
  return commands;
}

const IdLookup* id_lookup(ValueKind kind) {
  for (const auto& lookup : kIdLookups) {
    if (lookup.kind == kind) return &lookup;
  }
  return nullptr;
}

std::string lookup_command(const IdLookup& lookup, LookupColumns columns) {
  const std::string_view listed = columns == LookupColumns::ids ? "id" : "id,displayName";
  return std::string(lookup.list) + " -o tsv --columns " + std::string(listed) + " " +
         std::string(lookup.limits);
}

std::vector<IdLookup> id_lookups_in(const Command& root) {
  const auto commands = all_commands(root);
  std::vector<IdLookup> used;
  for (const auto& lookup : kIdLookups) {
    const bool in_tree = has_kind(root, lookup.kind) ||
                         std::any_of(commands.begin(), commands.end(), [&](const CommandAt& at) {
                           return has_kind(*at.command, lookup.kind);
                         });
    if (in_tree) used.push_back(lookup);
  }
  return used;
}

}  // namespace iotc::cli::completion
