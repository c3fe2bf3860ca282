// The question before a change, in-process: asked only when standard input is a terminal that
// nothing else reads; "y" goes on, anything else sends nothing and exits 1; --yes skips it.

#include <catch2/catch.hpp>

#include "cli/create.hpp"
#include "cli/device_reach.hpp"
#include "cli/rerun.hpp"
#include "cli/resume.hpp"
#include "job_fixtures.hpp"

using namespace iotc::testing;
using iotc::cli::CreateOptions;
using iotc::cli::DataFlag;
using iotc::model::Json;

namespace {

const Json kNoJob = Json{{"error", {{"code", "NotFound"}, {"message", "no job"}}}};

CreateOptions set_temperature() {
  CreateOptions options;
  options.job_id = "job-9";
  options.payload.group = kGroupId;
  options.payload.data = {{DataFlag::Kind::target, kTemplate},
                          {DataFlag::Kind::set, "targetTemperature=56"}};
  return options;
}

// The reads before the question: the id is free, the group exists and has `devices` devices.
void expect_reads(CommandHarness& h, int devices) {
  h.http.on("GET", "/api/jobs/job-9").reply(404, kNoJob);
  h.http.on("GET", "/api/deviceGroups/" + std::string(kGroupId))
      .reply(200, Json{{"id", kGroupId}, {"displayName", "Thermostats"}});
  Json items = Json::array();
  for (int i = 0; i < devices; ++i) items.push_back({{"id", "dev-" + std::to_string(i)}});
  h.http.on("GET", "/api/deviceGroups/" + std::string(kGroupId) + "/devices")
      .reply(200, page(items));
}

bool sent(const CommandHarness& h, const std::string& method) {
  for (const auto& request : h.http.requests()) {
    if (iotc::api::to_string(request.method) == method) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("create on a terminal asks, naming the change, the device count and the group",
          "[cli][confirm]") {
  CommandHarness h;
  h.stdin_is_terminal = true;
  expect_reads(h, 3);
  SECTION("no: nothing is sent, exit 1") {
    h.stdin_text = "n\n";
    const auto result = h.run([](auto& context) { run_create(set_temperature(), context); });
    CHECK(result.exit_code == 1);
    CHECK(
        has(result.err, "Create job job-9: property targetTemperature=56, on 3 devices of group '" +
                            std::string(kGroupId) + "'? [y/N] "));
    CHECK(has(result.err, "not confirmed; nothing was sent"));
    CHECK_FALSE(sent(h, "PUT"));
  }
  SECTION("an empty answer or the end of input is no") {
    h.stdin_text = GENERATE(std::string("\n"), std::string(""), std::string("yess\n"));
    const auto result = h.run([](auto& context) { run_create(set_temperature(), context); });
    CHECK(result.exit_code == 1);
    CHECK_FALSE(sent(h, "PUT"));
  }
  SECTION("yes: the job is created") {
    h.stdin_text = GENERATE(std::string("y\n"), std::string(" YES \n"));
    h.http.on("PUT", "/api/jobs/job-9").reply(200, job_json("job-9", "running"));
    const auto result = h.run([](auto& context) { run_create(set_temperature(), context); });
    CHECK(result.exit_code == 0);
    CHECK(has(result.err, "Created job job-9."));
  }
}

TEST_CASE("create without a terminal, with --yes, or reading the job from stdin never asks",
          "[cli][confirm]") {
  CommandHarness h;
  h.http.on("GET", "/api/jobs/job-9").reply(404, kNoJob);
  h.http.on("GET", "/api/deviceGroups/" + std::string(kGroupId))
      .reply(200, Json{{"id", kGroupId}, {"displayName", "Thermostats"}});
  h.http.on("PUT", "/api/jobs/job-9").reply(200, job_json("job-9", "running"));
  auto options = set_temperature();
  SECTION("no terminal: a pipeline is never asked nor refused") {
    h.stdin_text = "n\n";
  }
  SECTION("--yes") {
    h.stdin_is_terminal = true;
    h.stdin_text = "n\n";
    options.yes = true;
  }
  SECTION("--file -: standard input is the job, not an answer") {
    h.stdin_is_terminal = true;
    h.stdin_text = R"({"data": [{"type": "property", "target": "dtmi:a:b;1", "path": "p",
                                 "value": 1}]})";
    options.file = "-";
    options.payload.data.clear();
  }
  const auto result = h.run([&](auto& context) { run_create(options, context); });
  CHECK(result.exit_code == 0);
  CHECK_FALSE(has(result.err, "[y/N]"));
  CHECK(sent(h, "PUT"));
}

TEST_CASE("rerun and resume on a terminal ask, and no sends nothing", "[cli][confirm]") {
  CommandHarness h;
  h.stdin_is_terminal = true;
  h.stdin_text = "no\n";
  SECTION("rerun") {
    h.http.on("GET", "/api/jobs/job-1")
        .reply(200, job_json("job-1", "complete", Progress{10, 7, 3}));
    iotc::cli::RerunOptions options;
    options.job_id = "job-1";
    options.rerun_id = "job-1-again";
    h.http.on("GET", "/api/jobs/job-1-again").reply(404, kNoJob);
    const auto result = h.run([&](auto& context) { run_rerun(options, context); });
    CHECK(result.exit_code == 1);
    CHECK(has(result.err, "Rerun job job-1 on its failed devices, as job job-1-again? [y/N] "));
    CHECK_FALSE(sent(h, "PUT"));
  }
  SECTION("resume") {
    h.http.on("GET", "/api/jobs/job-1").reply(200, job_json("job-1", "stopped", Progress{10, 4}));
    iotc::cli::ResumeOptions options;
    options.job_id = "job-1";
    const auto result = h.run([&](auto& context) { run_resume(options, context); });
    CHECK(result.exit_code == 1);
    CHECK(has(result.err, "Resume job job-1 on its pending devices? [y/N] "));
    CHECK_FALSE(sent(h, "POST"));
  }
}

TEST_CASE("device counts are written with thousands separators", "[cli][confirm]") {
  CHECK(iotc::cli::with_thousands(0) == "0");
  CHECK(iotc::cli::with_thousands(999) == "999");
  CHECK(iotc::cli::with_thousands(1000) == "1,000");
  CHECK(iotc::cli::with_thousands(1234567) == "1,234,567");
}
