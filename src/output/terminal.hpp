#pragma once
// What the terminal can take: whether stdout and stderr are terminals, how wide they are, and
// whether to color. Decided once per process, from the environment and --no-color, so that every
// renderer follows the same rules and tests can force them (IOTC_FORCE_TTY=1).

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace iotc::output {

// Reads one environment variable; injected so that tests need not touch the real environment.
using EnvLookup = std::function<std::optional<std::string>(std::string_view name)>;
EnvLookup process_environment();

inline constexpr int kDefaultTerminalWidth = 80;

struct Terminal {
  bool stdout_tty = false;
  bool stderr_tty = false;
  int width = kDefaultTerminalWidth;  // of stdout, in columns
  bool color = false;                 // color on stdout
  bool stderr_color = false;          // color on stderr (progress, errors)
};

// The rules, in order:
// - IOTC_FORCE_TTY=1 treats stdout and stderr as terminals (=0 as not terminals).
// - Width: COLUMNS when set, else the terminal's own width, else 80.
// - Color only on a terminal, and never with --no-color, NO_COLOR (any value), CLICOLOR=0 or
//   TERM=dumb; CLICOLOR_FORCE=1 colors even when not on a terminal.
Terminal detect_terminal(const EnvLookup& env, bool no_color_flag);

}  // namespace iotc::output
