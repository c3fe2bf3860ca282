// The seed document's scenario, end to end: create a job from its payload, watch it, stop it,
// resume it, see which devices failed, and rerun it on them.

#include <catch2/catch.hpp>
#include <regex>

#include "fixtures.hpp"

using namespace iotc::testing;
using iotc::model::Json;

TEST_CASE("the seed scenario: create, show, stop, resume, devices, rerun", "[e2e][scenario]") {
  // The emulated clock moves only when the test says so: every step sees a known state.
  EmulatorProcess emulator({"--manual-clock", "--device-time", "10s"});
  Cli cli(emulator);
  const Env preview{{"IOTC_API_VERSION", "preview"}};

  // The page's PUT body, as a file, on the page's api-version.
  const auto created =
      cli.run({"create", "job-006", "--file", seed_payload_path("job-006-put-body.json")}, preview);
  INFO(created.err);
  REQUIRE(created.exit_code == 0);
  CHECK(created.err == "Created job job-006.\n");
  CHECK(std::regex_search(created.out, std::regex("\nDATA +property targetTemperature=\"55\"\n")));

  // A batch is 10 devices (25% of 40), updated at once in 10 s: after 15 s, the second batch is
  // under way.
  advance_clock(emulator, "15s");
  CHECK(cli.run({"show", "job-006", "-o", "tsv", "--columns", "status"}, preview).out ==
        "running\n");

  const auto stopped = cli.run({"stop", "job-006"}, preview);
  CHECK(stopped.exit_code == 0);
  CHECK(stopped.err == "Stopped job job-006.\n");
  CHECK(std::regex_search(stopped.out, std::regex("\nSTATUS +stopped\n")));
  const Json summary = cli.json({"devices", "job-006", "--summary"});
  CHECK(summary["pending"].get<int>() > 0);

  // Time passes, nothing moves while stopped.
  advance_clock(emulator, "1h");
  CHECK(cli.json({"devices", "job-006", "--summary"}) == summary);

  const auto resumed = cli.run({"resume", "job-006", "-o", "json"}, preview);
  CHECK(resumed.exit_code == 0);
  CHECK(Json::parse(resumed.out)["status"] == "running");
  advance_clock(emulator, "1h");

  const auto finished = cli.run({"wait", "job-006"}, preview);
  CHECK(finished.exit_code == 6);  // three thermostats always fail
  const auto failed =
      cli.run({"devices", "job-006", "--status", "failed", "-o", "tsv", "--columns", "id"});
  CHECK(failed.out == "therm-07\ntherm-23\ntherm-38\n");

  // The failing devices get fixed; the rerun covers them alone and succeeds.
  for (const auto* device : {"therm-07", "therm-23", "therm-38"}) {
    emulator.request("PUT", std::string("/_emulator/devices/") + device,
                     Json{{"behavior", "succeeds"}});
  }
  const auto rerun = cli.run({"rerun", "job-006", "job-006-fix", "-o", "json"});
  INFO(rerun.err);
  CHECK(rerun.exit_code == 0);
  CHECK(has(rerun.err, "Created job job-006-fix, rerunning job-006 on its failed devices."));
  CHECK(Json::parse(rerun.out)["id"] == "job-006-fix");
  advance_clock(emulator, "1h");
  const auto done =
      cli.run({"wait", "job-006-fix", "-o", "tsv", "--columns", "id,status,progress"});
  CHECK(done.exit_code == 0);
  CHECK(done.out == "job-006-fix\tcomplete\t3/3\n");

  // Without a rerun id, one is made from the job's id and the time.
  const auto generated = cli.run({"rerun", "job-006", "-o", "tsv", "--columns", "id"});
  CHECK(generated.exit_code == 0);
  CHECK(std::regex_match(generated.out, std::regex("job-006-rerun-\\d{8}-\\d{6}\n")));

  const auto list = cli.run({"list", "-o", "tsv", "--columns", "id"});
  CHECK(lines_of(list.out).size() == 3);
}

TEST_CASE("stop --wait exits 0 when the job ends stopped, as asked, and a second stop changes nothing",
          "[e2e][scenario]") {
  EmulatorProcess emulator({"--manual-clock"});
  Cli cli(emulator);
  put_job(emulator, "job-halt", kThermostatsGroup);
  const auto result = cli.run({"stop", "job-halt", "--wait", "--interval", "100ms"});
  CHECK(result.exit_code == 0);
  CHECK(std::regex_search(result.out, std::regex("\nSTATUS +stopped\n")));
  CHECK_FALSE(has(result.err, "error"));
  const auto again = cli.run({"stop", "job-halt"});
  CHECK(again.exit_code == 0);
  CHECK(has(again.err, "already stopped; nothing changed"));
  const auto waited = cli.run({"wait", "job-halt"});
  CHECK(waited.exit_code == 6);  // wait asks for completion
  CHECK(has(waited.err, "ended stopped"));
  const auto resumed =
      cli.run({"resume", "job-halt", "--wait", "--interval", "100ms", "--timeout", "1s"});
  CHECK(resumed.exit_code == 5);  // the manual clock does not move: still running
}
