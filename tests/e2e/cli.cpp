#include "cli.hpp"

#include <catch2/catch.hpp>
#include <chrono>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace iotc::testing {

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
  argv.insert(argv.end(), args.begin(), args.end());
  return run_process(argv, merged, stdin_data, std::chrono::seconds(60));
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

std::string seed_payload(const std::string& name) {
  return seed_dir() + "/payloads/" + name;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream stream(text);
  for (std::string line; std::getline(stream, line);) lines.push_back(line);
  return lines;
}

}  // namespace iotc::testing
