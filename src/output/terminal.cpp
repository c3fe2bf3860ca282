#include "output/terminal.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdlib>

namespace iotc::output {
namespace {

// no-color.org: NO_COLOR counts when it is present and not empty.
bool is_set(const std::optional<std::string>& value) {
  return value.has_value() && !value->empty();
}

std::optional<int> positive_int(const std::optional<std::string>& text) {
  if (!text || text->empty()) return std::nullopt;
  int value = 0;
  for (char c : *text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
    if (value > 100000) return std::nullopt;
  }
  if (value <= 0) return std::nullopt;
  return value;
}

std::optional<int> terminal_columns(int fd) {
  winsize size{};
  if (ioctl(fd, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return static_cast<int>(size.ws_col);
  return std::nullopt;
}

bool color_allowed(const EnvLookup& env, bool no_color_flag, bool tty) {
  if (no_color_flag || is_set(env("NO_COLOR"))) return false;
  if (env("CLICOLOR_FORCE").value_or("0") != "0") return true;
  if (env("CLICOLOR") == std::optional<std::string>("0")) return false;
  if (env("TERM") == std::optional<std::string>("dumb")) return false;
  return tty;
}

}  // namespace

EnvLookup process_environment() {
  return [](std::string_view name) -> std::optional<std::string> {
    const char* value = std::getenv(std::string(name).c_str());
    if (value == nullptr) return std::nullopt;
    return std::string(value);
  };
}

Terminal detect_terminal(const EnvLookup& env, bool no_color_flag) {
  Terminal terminal;
  const auto forced = env("IOTC_FORCE_TTY");
  if (forced && !forced->empty()) {
    terminal.stdout_tty = terminal.stderr_tty = (*forced != "0");
  } else {
    terminal.stdout_tty = isatty(STDOUT_FILENO) == 1;
    terminal.stderr_tty = isatty(STDERR_FILENO) == 1;
  }
  if (auto columns = positive_int(env("COLUMNS"))) {
    terminal.width = *columns;
  } else if (auto real = terminal_columns(STDOUT_FILENO)) {
    terminal.width = *real;
  } else if (auto err = terminal_columns(STDERR_FILENO)) {
    terminal.width = *err;
  }
  terminal.color = color_allowed(env, no_color_flag, terminal.stdout_tty);
  terminal.stderr_color = color_allowed(env, no_color_flag, terminal.stderr_tty);
  return terminal;
}

}  // namespace iotc::output
