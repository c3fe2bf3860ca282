// The session in docs/cli-session.md is run here, command by command, against a real emulator,
// and its recorded output must match what the commands print now: the documentation cannot rot.
//
// Each ```console block holds "$ command" lines (a trailing '\' continues a command on the next
// line) followed by that command's output (stdout and stderr as a terminal shows them, run
// without a terminal). Before comparing, times become <time> and request ids <id>, so that only
// what the code decides is compared; the emulator's URL is shown as http://127.0.0.1:8080.
//
// IOTC_RECORD_SESSION=1 writes the outputs of this run into the file instead (to record a new
// session); the test still fails if any command's output differed, so a recording is reviewed.

#include <catch2/catch.hpp>
#include <fstream>
#include <regex>
#include <sstream>

#include "fixtures.hpp"

using namespace iotc::testing;

namespace {

struct Step {
  std::string command;
  std::vector<std::string> expected;
  std::size_t first_output_line = 0;  // index in the file's lines
  std::size_t end_output_line = 0;
};

std::vector<std::string> read_lines(const std::string& path) {
  return lines_of(read_file(path));
}

// The commands and outputs of every ```console block.
std::vector<Step> parse_session(const std::vector<std::string>& lines) {
  std::vector<Step> steps;
  bool in_console = false;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string& line = lines[i];
    if (!in_console) {
      in_console = line == "```console";
      continue;
    }
    if (line == "```") {
      in_console = false;
      if (!steps.empty()) steps.back().end_output_line = i;
      continue;
    }
    if (line.rfind("$ ", 0) == 0) {
      if (!steps.empty() && steps.back().end_output_line == 0) steps.back().end_output_line = i;
      Step step;
      step.command = line.substr(2);
      while (!step.command.empty() && step.command.back() == '\\' && i + 1 < lines.size()) {
        step.command += "\n" + lines[++i];
      }
      step.first_output_line = i + 1;
      steps.push_back(step);
    } else if (!steps.empty()) {
      steps.back().expected.push_back(line);
    }
  }
  return steps;
}

// The emulator of the test listens on a free port; the session shows the one it documents.
std::string with_documented_url(std::string text, const std::string& base_url) {
  for (auto at = text.find(base_url); at != std::string::npos; at = text.find(base_url, at)) {
    text.replace(at, base_url.size(), "http://127.0.0.1:8080");
  }
  return text;
}

// What may differ from one run to the next: times (and the spaces that align them in a table)
// and request ids.
std::string normalise(const std::string& text) {
  static const std::regex time(R"( *\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z *)");
  static const std::regex request_id("(x-ms-client-request-id: )[0-9a-f-]+");
  return std::regex_replace(std::regex_replace(text, time, " <time> "), request_id, "$1<id>");
}

std::string joined(const std::vector<std::string>& lines) {
  std::string text;
  for (const auto& line : lines) text += line + "\n";
  return text;
}

}  // namespace

TEST_CASE("docs/cli-session.md replays exactly against the emulator", "[e2e][docs]") {
  const std::string path = std::string(IOTC_DOCS_DIR) + "/cli-session.md";
  auto lines = read_lines(path);
  const auto steps = parse_session(lines);
  REQUIRE(steps.size() > 5);

  EmulatorProcess emulator({"--manual-clock"});
  TempDir work;
  for (const auto* payload : {"job-006-put-body.json", "job-014-payload.json"}) {
    write_file(work.file(payload), read_file(seed_payload_path(payload)));
  }
  const std::string cli_dir = cli_binary().substr(0, cli_binary().rfind('/'));
  // `advance D` moves the emulator's manual clock, as the session's first block explains.
  const std::string prelude =
      "set -o pipefail\n"
      "advance() { curl -sf -o /dev/null -X POST -H \"Authorization: $IOTC_API_TOKEN\" "
      "\"$IOTC_BASE_URL/_emulator/clock\" -d \"{\\\"advance\\\": \\\"$1\\\"}\"; }\n"
      "cd '" +
      work.path() + "'\n";

  const bool record = std::getenv("IOTC_RECORD_SESSION") != nullptr;
  std::vector<std::pair<const Step*, std::vector<std::string>>> recorded;
  for (const auto& step : steps) {
    const auto result = run_process({"bash", "-c", prelude + "exec 2>&1\n" + step.command},
                                    {{"PATH", cli_dir + ":" + std::string(std::getenv("PATH"))},
                                     {"IOTC_BASE_URL", emulator.base_url()},
                                     {"IOTC_API_TOKEN", std::string(kTestToken)},
                                     {"IOTC_FORCE_TTY", "0"},
                                     {"XDG_CONFIG_HOME", work.path()},
                                     {"IOTC_APP", std::nullopt},
                                     {"IOTC_API_VERSION", std::nullopt},
                                     {"IOTC_OUTPUT", std::nullopt},
                                     {"NO_COLOR", std::nullopt}});
    const std::string actual = with_documented_url(result.out, emulator.base_url());
    INFO("$ " << step.command);
    CHECK(normalise(actual) == normalise(joined(step.expected)));
    recorded.emplace_back(&step, lines_of(actual));
  }

  if (record) {
    // Rewrite from the last step up, so that earlier line numbers stay valid.
    for (auto it = recorded.rbegin(); it != recorded.rend(); ++it) {
      const Step& step = *it->first;
      lines.erase(lines.begin() + static_cast<std::ptrdiff_t>(step.first_output_line),
                  lines.begin() + static_cast<std::ptrdiff_t>(step.end_output_line));
      lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(step.first_output_line),
                   it->second.begin(), it->second.end());
    }
    std::ofstream(path) << joined(lines);
  }
}
