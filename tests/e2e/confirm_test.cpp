// The question before a change, on a real terminal: `script` gives iotc-jobs a pseudo-terminal
// as its standard input, as a person's shell would. Without one (every other e2e test) nothing
// is ever asked.

#include <catch2/catch.hpp>

#include "fixtures.hpp"

using namespace iotc::testing;

namespace {

std::string quoted(const std::string& text) {
  std::string word = "'";
  for (const char c : text) word += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return word + "'";
}

// iotc-jobs `args` on a pseudo-terminal, with `typed` as what the person types.
ProcessResult run_on_terminal(const EmulatorProcess& emulator, const std::vector<std::string>& args,
                              const std::string& typed) {
  std::string command = quoted(cli_binary());
  for (const auto& arg : args) command += " " + quoted(arg);
  return run_process({"script", "-qec", command, "/dev/null"},
                     {{"IOTC_BASE_URL", emulator.base_url()},
                      {"IOTC_API_TOKEN", std::string(kTestToken)},
                      {"IOTC_APP", std::nullopt},
                      {"IOTC_PROFILE", std::nullopt},
                      {"XDG_CONFIG_HOME", "/nonexistent"},
                      {"NO_COLOR", "1"}},
                     typed);
}

int job_status(const EmulatorProcess& emulator, const std::string& id) {
  return emulator.request("GET", "/api/jobs/" + id + "?api-version=2022-07-31").status;
}

const std::vector<std::string> kCreate = {
    "create",   "job-asked",         "--group", "Thermostats",
    "--target", kThermostatTemplate, "--set",   "targetTemperature=56"};

}  // namespace

TEST_CASE("create on a terminal asks first: no sends nothing, y creates the job",
          "[e2e][confirm]") {
  EmulatorProcess emulator({"--manual-clock"});
  const auto declined = run_on_terminal(emulator, kCreate, "n\n");
  INFO(declined.out);
  CHECK(declined.exit_code == 1);
  CHECK(has(declined.out, "Create job job-asked: property targetTemperature=56, on "));
  CHECK(has(declined.out, "devices of group 'Thermostats'? [y/N]"));
  CHECK(has(declined.out, "not confirmed; nothing was sent"));
  CHECK(job_status(emulator, "job-asked") == 404);

  const auto confirmed = run_on_terminal(emulator, kCreate, "y\n");
  INFO(confirmed.out);
  CHECK(confirmed.exit_code == 0);
  CHECK(has(confirmed.out, "Created job job-asked."));
  CHECK(job_status(emulator, "job-asked") == 200);
}

TEST_CASE("without a terminal nothing is asked, even with an answer on stdin", "[e2e][confirm]") {
  EmulatorProcess emulator({"--manual-clock"});
  Cli cli(emulator);
  const auto result = cli.run(kCreate, {}, "n\n");
  CHECK(result.exit_code == 0);
  CHECK_FALSE(has(result.err, "[y/N]"));
  CHECK(job_status(emulator, "job-asked") == 200);
}
