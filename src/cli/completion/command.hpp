#pragma once
// `iotc-jobs completion bash|zsh|fish`, and the hidden `iotc-jobs manpage` that writes the man
// page: both walk the finished command tree (from the root above `command`) when they run, so
// they cannot drift from the parser.

namespace CLI {
class App;
}

namespace iotc::cli {
class Context;
}

namespace iotc::cli::completion {

void add_completion_command(CLI::App& command, Context& context);
void add_manpage_command(CLI::App& command, Context& context);

}  // namespace iotc::cli::completion
