#include "output/terminal.hpp"

#include <catch2/catch.hpp>
#include <map>

#include "output/progress.hpp"

using namespace iotc::output;

namespace {
EnvLookup env_of(std::map<std::string, std::string> values) {
  return [values](std::string_view name) -> std::optional<std::string> {
    const auto found = values.find(std::string(name));
    if (found == values.end()) return std::nullopt;
    return found->second;
  };
}
}  // namespace

TEST_CASE("IOTC_FORCE_TTY and COLUMNS make terminal mode testable", "[terminal]") {
  const auto forced = detect_terminal(env_of({{"IOTC_FORCE_TTY", "1"}, {"COLUMNS", "120"}}), false);
  CHECK(forced.stdout_tty);
  CHECK(forced.stderr_tty);
  CHECK(forced.width == 120);
  CHECK(forced.color);
  const auto off = detect_terminal(env_of({{"IOTC_FORCE_TTY", "0"}}), false);
  CHECK_FALSE(off.stdout_tty);
  CHECK_FALSE(off.color);
}

TEST_CASE("color rules: NO_COLOR, CLICOLOR=0, --no-color, TERM=dumb, CLICOLOR_FORCE",
          "[terminal]") {
  const std::map<std::string, std::string> tty{{"IOTC_FORCE_TTY", "1"}};
  auto with = [&](std::string name, std::string value) {
    auto env = tty;
    env[name] = value;
    return env_of(env);
  };
  CHECK_FALSE(detect_terminal(with("NO_COLOR", "1"), false).color);
  // no-color.org: an empty NO_COLOR is as if it were not set.
  CHECK(detect_terminal(with("NO_COLOR", ""), false).color);
  CHECK_FALSE(detect_terminal(with("CLICOLOR", "0"), false).color);
  CHECK_FALSE(detect_terminal(with("TERM", "dumb"), false).color);
  CHECK_FALSE(detect_terminal(env_of(tty), true).color);
  CHECK(detect_terminal(env_of({{"IOTC_FORCE_TTY", "0"}, {"CLICOLOR_FORCE", "1"}}), false).color);
}

TEST_CASE("progress: one plain line per change off a terminal, a bar on one", "[progress]") {
  std::ostringstream log;
  {
    ProgressDisplay display(log, false, false, 80);
    ProgressSnapshot snapshot{"job-1", "running", 4, 1, 0};
    display.update(snapshot);
    display.update(snapshot);  // unchanged: no new line
    snapshot.completed = 2;
    snapshot.failed = 1;
    display.update(snapshot);
    display.update({"job-1", "pending", std::nullopt, 0, 0});
  }
  CHECK(log.str() ==
        "job-1: running, 1/4 devices\n"
        "job-1: running, 3/4 devices, 1 failed\n"
        "job-1: pending\n");

  std::ostringstream tty;
  {
    ProgressDisplay display(tty, true, false, 60);
    display.update({"job-1", "running", 4, 2, 0});
  }
  CHECK(tty.str().rfind("\r\x1b[K"
                        "job-1  running  ",
                        0) == 0);
  CHECK(tty.str().find("2/4 devices") != std::string::npos);
  CHECK(tty.str().back() == '\n');
}
