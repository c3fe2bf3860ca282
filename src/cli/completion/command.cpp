// iotc-jobs completion bash|zsh|fish, and the hidden iotc-jobs manpage.

#include "cli/completion/command.hpp"

#include <CLI/CLI.hpp>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "cli/commands.hpp"
#include "cli/completion/spec.hpp"
#include "cli/context.hpp"
#include "errors.hpp"
#include "version.hpp"

namespace iotc::cli::completion {
namespace command_detail {

constexpr const char* kHelp = R"(Examples:
  source <(iotc-jobs completion bash)                  # this bash session
  iotc-jobs completion zsh > "${fpath[1]}/_iotc-jobs"  # zsh, from the next session on
  iotc-jobs completion fish | source                   # this fish session

Packages install the scripts where the shells look for them. Job, group and scheduled job ids
complete from the app that the command line, the environment or the profile points at, within 2
seconds; zsh and fish show each with its display name.)";

std::string script_for(const std::string& shell, const Command& root) {
  if (shell == "bash") return bash_script(root);
  if (shell == "zsh") return zsh_script(root);
  return fish_script(root);
}

std::string read_include(const std::string& path) {
  if (path.empty()) return "";
  std::ifstream file(path);
  if (!file) throw UsageError("cannot read " + path);
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

}  // namespace command_detail

void add_completion_command(CLI::App& command, Context& context) {
  add_help_details(command, command_detail::kHelp);
  auto shell = std::make_shared<std::string>();
  command.add_option("SHELL", *shell, "The shell: bash, zsh or fish")
      ->required()
      ->check(CLI::IsMember({"bash", "zsh", "fish"}));
  // The tree is read when the command runs, so it includes every command added after this one.
  const CLI::App* root = command.get_parent();
  command.callback([root, &context, shell] {
    context.error_output().out() << command_detail::script_for(*shell, describe(*root));
  });
}

void add_manpage_command(CLI::App& command, Context& context) {
  auto include = std::make_shared<std::string>();
  command.add_option("--include", *include, "Extra sections, help2man's [SECTION] format");
  const CLI::App* root = command.get_parent();
  command.callback([root, &context, include] {
    const auto extra = parse_man_include(command_detail::read_include(*include));
    context.error_output().out() << man_page(describe(*root), kVersion, extra);
  });
}

}  // namespace iotc::cli::completion
