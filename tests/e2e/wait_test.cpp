// wait and --wait: the CI-pipeline contract. 0 when every device succeeded, 6 when the job
// ended badly or any device failed, 5 when the timeout passed first.

#include <catch2/catch.hpp>
#include <regex>

#include "fixtures.hpp"

using namespace iotc::testing;
using iotc::model::Json;

namespace {
// Fast jobs: each device takes 20 ms of real time.
const std::vector<std::string> kFastJobs{"--device-time", "20ms"};

std::vector<std::string> create_on(const std::string& group, const std::string& id) {
  return {"create",   id,
          "--group",  group,
          "--target", kThermostatTemplate,
          "--set",    "targetTemperature=56",
          "--batch",  "25%",
          "--wait",   "--interval",
          "100ms"};
}
}  // namespace

TEST_CASE("a pipeline step: create --wait exits 0 when every device succeeds", "[e2e][wait]") {
  EmulatorProcess emulator(kFastJobs);
  Cli cli(emulator);
  const auto result = cli.run(create_on("Lab thermostats", "job-ok"));
  INFO(result.err);
  CHECK(result.exit_code == 0);
  CHECK(std::regex_search(result.out, std::regex("\nSTATUS +complete\n")));
  CHECK(std::regex_search(result.out, std::regex("\nPROGRESS +10/10\n")));
  // Off a terminal: one plain line per change, the last one the outcome.
  const auto lines = lines_of(result.err);
  REQUIRE(lines.size() >= 2);
  CHECK(lines.front() == "Created job job-ok.");
  CHECK(lines.back() == "job-ok: complete, 10/10 devices");
  CHECK_FALSE(has(result.err, "\r"));
}

TEST_CASE("a pipeline step: create --wait exits 6 when devices fail", "[e2e][wait]") {
  EmulatorProcess emulator(kFastJobs);
  Cli cli(emulator);
  const auto result = cli.run(create_on("Thermostats", "job-bad"));
  CHECK(result.exit_code == 6);
  CHECK(std::regex_search(result.out, std::regex("\nSTATUS +complete\n")));
  CHECK(has(result.out, "40/40, 3 failed"));
  CHECK(has(result.err, "job-bad: complete, 40/40 devices, 3 failed\n"));
  CHECK(has(result.err, "iotc-jobs: error: job job-bad is complete, but 3 of 40 devices failed"));

  // `wait` on the finished job says the same, and -o json gives the job to the script.
  const auto again = cli.run({"wait", "job-bad", "-o", "json", "-q"});
  CHECK(again.exit_code == 6);
  CHECK(Json::parse(again.out)["progress"]["failed"] == 3);
  CHECK(again.err ==
        "iotc-jobs: error: job job-bad is complete, but 3 of 40 devices failed, 0 still pending\n");
}

// The service ends a job that ran every batch `complete`, even when no device succeeded (the
// official example scheduledjobs_list_jobs.json): the pipeline still learns from the exit status.
TEST_CASE("a job whose every device failed ends complete, and --wait exits 6", "[e2e][wait]") {
  EmulatorProcess emulator(kFastJobs);
  Cli cli(emulator);
  for (int n = 1; n <= 10; ++n) {
    const std::string device = std::string(n < 10 ? "lab-0" : "lab-") + std::to_string(n);
    REQUIRE(emulator.request("PUT", "/_emulator/devices/" + device, Json{{"behavior", "fails"}})
                .status == 200);
  }
  const auto result = cli.run(create_on("Lab thermostats", "job-all-fail"));
  CHECK(result.exit_code == 6);
  CHECK(std::regex_search(result.out, std::regex("\nSTATUS +complete\n")));
  CHECK(has(result.out, "10/10, 10 failed"));
  CHECK(has(result.err,
            "iotc-jobs: error: job job-all-fail is complete, but 10 of 10 devices failed"));
  const auto shown = cli.json({"show", "job-all-fail"});
  CHECK(shown["status"] == "complete");
  CHECK(shown["progress"]["completed"] == 0);
}

TEST_CASE("a cancellation threshold cancels the job, and wait exits 6", "[e2e][wait]") {
  EmulatorProcess emulator(kFastJobs);
  Cli cli(emulator);
  auto args = create_on("Thermostats", "job-cancel");
  args.insert(args.end(), {"--cancel-threshold", "1"});
  const auto result = cli.run(args);
  CHECK(result.exit_code == 6);
  CHECK(has(result.err, "ended cancelled"));
}

TEST_CASE("wait draws a bar on a terminal and stays quiet with -q", "[e2e][wait]") {
  EmulatorProcess emulator(kFastJobs);
  Cli cli(emulator);
  const auto tty = cli.run_tty(create_on("Lab thermostats", "job-tty"));
  CHECK(tty.exit_code == 0);
  CHECK(has(tty.err, "\r\x1b[K"));
  CHECK(has(tty.err, "\xE2\x96\x88"));  // a full block of the bar
  CHECK(has(tty.err, "10/10 devices"));

  auto quiet = create_on("Lab thermostats", "job-quiet");
  quiet.push_back("-q");
  const auto result = cli.run(quiet);
  CHECK(result.exit_code == 0);
  CHECK(result.err.empty());
}

TEST_CASE("wait exits 5 when the timeout passes first, and the job goes on", "[e2e][wait]") {
  EmulatorProcess emulator({"--manual-clock"});
  Cli cli(emulator);
  put_job(emulator, "job-slow", kThermostatsGroup);
  const auto result = cli.run({"wait", "job-slow", "--timeout", "1s", "--interval", "200ms"});
  CHECK(result.exit_code == 5);
  CHECK(has(result.err, "job job-slow is still running after 1s"));
  CHECK(has(result.err, "job-slow: running, 0/40 devices\n"));
  CHECK(result.out.empty());
  CHECK(emulator.request("GET", "/api/jobs/job-slow?api-version=2022-07-31").body["status"] ==
        "running");
  CHECK(cli.run({"wait", "job-none", "--timeout", "1s"}).exit_code == 3);
  CHECK(cli.run({"wait", "job-slow", "--timeout", "soon"}).exit_code == 2);
}

TEST_CASE("where the api-version has no progress, wait counts the devices", "[e2e][wait]") {
  EmulatorProcess emulator(kFastJobs);
  Cli cli(emulator);
  auto args = create_on("Thermostats", "job-preview");
  args.insert(args.end(), {"--api-version", "preview"});
  const auto result = cli.run(args);
  CHECK(result.exit_code == 6);
  CHECK(has(result.err, "job-preview: complete, 40/40 devices, 3 failed\n"));
}
