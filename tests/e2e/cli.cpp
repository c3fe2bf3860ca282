#include "cli.hpp"

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace iotc::testing {
namespace {

// Under IOTC_E2E_DEBUG=1 (the "e2e-debug" run of the whole suite), every command also gets
// --debug: its stdout and whole stderr are checked for the token, then the trace is taken out of
// stderr so that each test's own checks see what they see without it.
bool debug_pass() {
  const char* value = std::getenv("IOTC_E2E_DEBUG");
  return value != nullptr && std::string(value) == "1";
}

// The token, and the parts of it that are secret on their own.
std::vector<std::string> secrets_of(const std::string& token) {
  std::vector<std::string> secrets = {token};
  if (const auto sig = token.find("sig="); sig != std::string::npos) {
    secrets.push_back(token.substr(sig + 4, token.find('&', sig) - sig - 4));
  }
  return secrets;
}

// stderr without the --debug trace: "> "/"< " lines (request and answer, headers and bodies)
// and the "iotc-jobs: GET https://... -> 200 3 ms" summary line of each attempt.
std::string without_trace(const std::string& err) {
  static const std::regex summary(R"(^iotc-jobs: (GET|PUT|POST|PATCH|DELETE) \S+ -> .*)");
  std::string kept;
  for (const std::string& line : lines_of(err)) {
    if (line.rfind("> ", 0) == 0 || line.rfind("< ", 0) == 0 || std::regex_match(line, summary)) {
      continue;
    }
    kept += line + "\n";
  }
  // lines_of() drops the last line's missing newline; keep the text as the command wrote it.
  if (!err.empty() && err.back() != '\n' && !kept.empty()) kept.pop_back();
  return kept;
}

}  // namespace

Cli::Cli(const EmulatorProcess& emulator) : emulator_(emulator) {}

ProcessResult Cli::run(const std::vector<std::string>& args, const Env& env,
                       const std::string& stdin_data) const {
  Env merged = {
      {"IOTC_BASE_URL", emulator_.base_url()},
      {"IOTC_API_TOKEN", std::string(kTestToken)},
      {"IOTC_FORCE_TTY", "0"},
      {"XDG_CONFIG_HOME", home_.path()},
      {"HOME", home_.path()},
      {"IOTC_APP", std::nullopt},
      {"IOTC_PROFILE", std::nullopt},
      {"IOTC_API_VERSION", std::nullopt},
      {"IOTC_OUTPUT", std::nullopt},
      {"IOTC_TIMEOUT", std::nullopt},
      {"NO_COLOR", std::nullopt},
      {"CLICOLOR", std::nullopt},
      {"CLICOLOR_FORCE", std::nullopt},
      {"COLUMNS", std::nullopt},
      {"TERM", "xterm-256color"},
  };
  for (const auto& [name, value] : env) merged[name] = value;
  std::vector<std::string> argv{cli_binary()};
  if (debug_pass()) argv.push_back("--debug");
  argv.insert(argv.end(), args.begin(), args.end());
  ProcessResult result = run_process(argv, merged, stdin_data, std::chrono::seconds(60));
  if (!debug_pass()) return result;

  const auto token = merged.at("IOTC_API_TOKEN");
  for (const std::string& secret : secrets_of(token.value_or(kTestToken))) {
    INFO("--debug run of: iotc-jobs " << Catch::Detail::stringify(args));
    CHECK(result.out.find(secret) == std::string::npos);
    CHECK(result.err.find(secret) == std::string::npos);
  }
  result.err = without_trace(result.err);
  return result;
}

ProcessResult Cli::run_tty(const std::vector<std::string>& args, const Env& env) const {
  Env tty = {{"IOTC_FORCE_TTY", "1"}, {"COLUMNS", "100"}};
  for (const auto& [name, value] : env) tty[name] = value;
  return run(args, tty);
}

model::Json Cli::json(std::vector<std::string> args) const {
  args.push_back("-o");
  args.push_back("json");
  const auto result = run(args);
  INFO("stderr: " << result.err);
  REQUIRE(result.exit_code == 0);
  return model::Json::parse(result.out);
}

void Cli::settle(const std::string& job_id) const {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (std::chrono::steady_clock::now() < deadline) {
    const auto response =
        emulator_.request("GET", "/api/jobs/" + job_id + "?api-version=2022-07-31");
    const auto status = response.body.value("status", std::string());
    if (status != "pending" && status != "running") return;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  FAIL("job " << job_id << " did not finish in 30 s");
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream stream(text);
  for (std::string line; std::getline(stream, line);) lines.push_back(line);
  return lines;
}

std::vector<std::string> command_names(const std::string& help) {
  // "Subcommands:", then "  name    summary" lines up to a blank line.
  static const std::regex entry(R"(^  ([a-z][a-z-]*) .*)");
  std::vector<std::string> names;
  bool in_list = false;
  for (const std::string& line : lines_of(help)) {
    if (line == "Subcommands:") {
      in_list = true;
    } else if (in_list && line.empty()) {
      break;
    } else if (std::smatch match; in_list && std::regex_match(line, match, entry)) {
      names.push_back(match[1]);
    }
  }
  return names;
}

}  // namespace iotc::testing
