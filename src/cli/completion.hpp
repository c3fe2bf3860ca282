#pragma once
// `iotc-jobs completion bash|zsh|fish`, and the hidden `iotc-jobs manpage` that writes the man
// page: both walk the finished command tree, so they cannot drift from the parser.

namespace CLI {
class App;
}

namespace iotc::cli {

class Context;

// Registers both subcommands on `app`. Call it last: they describe the tree as it is when they run.
void add_completion_command(CLI::App& app, Context& context);

}  // namespace iotc::cli
