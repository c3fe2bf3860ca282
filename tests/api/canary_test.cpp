// Every command, run by the real iotc-jobs with --debug against the real emulator, never shows
// the token: a canary token must appear nowhere in stdout, stderr or any file written.

#include <catch2/catch.hpp>
#include <filesystem>

#include "emulator.hpp"
#include "process.hpp"

namespace {

// Bare (sent as "Bearer <canary>") and long enough to be unmistakable.
constexpr const char* kCanary = "canary-7f3a9c1e5b2d4086-token";
constexpr const char* kRejectedCanary = "canary-rejected-0d9e8f7a6b5c-token";
constexpr const char* kThermostats = "833d7a7d-8f99-4e04-9e56-745806bdba6e";
constexpr const char* kThermostatTemplate = "dtmi:modelDefinition:zomtmdxh:eqod32zbyl";

bool contains(const std::string& text, const std::string& what) {
  return text.find(what) != std::string::npos;
}

// Every file under `dir` that mentions `secret`.
std::vector<std::string> files_mentioning(const std::string& dir, const std::string& secret,
                                          const std::string& except) {
  std::vector<std::string> found;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file() || entry.path() == except) continue;
    if (contains(iotc::testing::read_file(entry.path().string()), secret)) {
      found.push_back(entry.path().string());
    }
  }
  return found;
}

}  // namespace

TEST_CASE("debug traces never show the token, in any command, from any token source") {
  iotc::testing::EmulatorProcess emulator({"--token", kCanary, "--time-scale", "100"});
  iotc::testing::TempDir home;
  const std::string token_file = home.file("token");
  iotc::testing::write_file(token_file, std::string(kCanary) + "\n");
  std::filesystem::permissions(
      token_file, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);

  const std::vector<std::vector<std::string>> commands = {
      {"create", "canary-job", "--group", kThermostats, "--target", kThermostatTemplate, "--set",
       "targetTemperature=21"},
      {"create", "canary-dry", "--group", kThermostats, "--target", kThermostatTemplate, "--set",
       "targetTemperature=21", "--dry-run"},
      {"list"},
      {"list", "--all", "-o", "json"},
      {"show", "canary-job"},
      {"show", "canary-job", "-o", "json"},
      {"devices", "canary-job"},
      {"stop", "canary-job"},
      {"resume", "canary-job"},
      {"wait", "canary-job", "--timeout", "20s"},
      {"rerun", "canary-job", "canary-rerun"},
      {"show", "no-such-job"},
  };
  struct Source {
    std::string name;
    std::map<std::string, std::optional<std::string>> env;
    std::vector<std::string> flags;
    std::string stdin_data;
  };
  const std::vector<Source> sources = {
      {"IOTC_API_TOKEN", {{"IOTC_API_TOKEN", kCanary}}, {}, ""},
      {"--token-file", {{"IOTC_API_TOKEN", std::nullopt}}, {"--token-file", token_file}, ""},
      {"stdin", {{"IOTC_API_TOKEN", std::nullopt}}, {"--token-file", "-"}, std::string(kCanary)},
  };

  for (const auto& source : sources) {
    for (const auto& command : commands) {
      std::vector<std::string> argv = {iotc::testing::cli_binary(), "--debug", "--base-url",
                                       emulator.base_url()};
      argv.insert(argv.end(), source.flags.begin(), source.flags.end());
      argv.insert(argv.end(), command.begin(), command.end());
      auto env = source.env;
      env["HOME"] = home.path();
      env["XDG_CONFIG_HOME"] = home.path();
      env["TMPDIR"] = home.path();
      auto result = iotc::testing::run_process(argv, env, source.stdin_data);
      INFO(source.name << ": " << command.front() << " (exit " << result.exit_code << ")\n"
                       << result.err);
      CHECK_FALSE(contains(result.out, kCanary));
      CHECK_FALSE(contains(result.err, kCanary));
      // The trace is there, redacted.
      if (command.back() != "--dry-run") CHECK(contains(result.err, "Bearer [REDACTED]"));
    }
  }
  CHECK(files_mentioning(home.path(), kCanary, token_file).empty());
}

TEST_CASE("a rejected token is named by its origin, never shown") {
  iotc::testing::EmulatorProcess emulator({"--token", kCanary});
  auto result = iotc::testing::run_process(
      {iotc::testing::cli_binary(), "--debug", "--base-url", emulator.base_url(), "list"},
      {{"IOTC_API_TOKEN", kRejectedCanary}});
  CHECK(result.exit_code == 4);
  CHECK(contains(result.err, "IOTC_API_TOKEN"));
  CHECK_FALSE(contains(result.err, kRejectedCanary));
  CHECK_FALSE(contains(result.out, kRejectedCanary));
}
