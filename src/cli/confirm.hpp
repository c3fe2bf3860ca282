#pragma once
// Asking before a change, on a terminal only (docs/design.md, "Prompts"): create, rerun, resume,
// and the schedule and group commands that change devices or delete. Scripts and CI are never
// asked and never refused.

#include <string_view>

namespace CLI {
class App;
}

namespace iotc::cli {

class Context;

// Writes "`question` [y/N] " to stderr and reads one line from the terminal when
// Context::can_ask(); "y" or "yes" (any case) goes on. Returns true without asking when
// `assume_yes` (--yes) or when nobody can be asked. Throws DeclinedError (exit 1, nothing sent)
// on any other answer, an empty one, or the end of input.
bool confirm(Context& context, std::string_view question, bool assume_yes);

// -y,--yes on a command that asks.
void add_yes_flag(CLI::App& command, bool& assume_yes);

}  // namespace iotc::cli
