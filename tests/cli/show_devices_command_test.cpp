// show and devices, in-process: the job as the service sent it, unknown fields and statuses
// kept; device lists filtered and summarised; a missing job is exit 3.

#include <catch2/catch.hpp>

#include "cli/devices.hpp"
#include "cli/show.hpp"
#include "job_fixtures.hpp"

using namespace iotc::testing;
using iotc::cli::DevicesOptions;
using iotc::cli::ShowOptions;
using iotc::model::Json;

TEST_CASE("show prints the job's JSON with the fields the model does not know", "[cli][show]") {
  CommandHarness h;
  h.env["IOTC_OUTPUT"] = "json";
  Json job = job_json("job-1", "running");
  job["futureField"] = {{"kept", true}};
  h.http.on("GET", "/api/jobs/job-1").reply(200, job);
  const auto result = h.run([](auto& context) { run_show(ShowOptions{"job-1"}, context); });
  CHECK(result.exit_code == 0);
  CHECK(result.err.empty());
  CHECK(Json::parse(result.out) == job);
}

TEST_CASE("show: a status no api-version defines, and no progress, in a table", "[cli][show]") {
  CommandHarness h;
  h.http.on("GET", "/api/jobs/job-1").reply(200, job_json("job-1", "quarantined", std::nullopt));
  const auto result = h.run([](auto& context) { run_show(ShowOptions{"job-1"}, context); });
  CHECK(result.exit_code == 0);
  CHECK(has(result.out, "quarantined"));
  CHECK(has(result.out, "job-1"));
  CHECK(result.err.empty());
}

TEST_CASE("show of a job the service does not have exits 3", "[cli][show]") {
  CommandHarness h;
  h.http.on("GET", "/api/jobs/nope")
      .reply(404, Json{{"error", {{"code", "NotFound"}, {"message", "Job not found"}}}});
  const auto result = h.run([](auto& context) { run_show(ShowOptions{"nope"}, context); });
  CHECK(result.exit_code == 3);
  CHECK(result.out.empty());
  CHECK(has(result.err, "iotc-jobs: error:"));
}

TEST_CASE("devices --status keeps the matching devices over every page", "[cli][devices]") {
  CommandHarness h;
  h.env["IOTC_OUTPUT"] = "tsv";
  h.http.on("GET", "/api/jobs/job-1/devices")
      .reply(200,
             page({{{"id", "d1"}, {"status", "completed"}}, {{"id", "d2"}, {"status", "failed"}}},
                  "/api/jobs/job-1/devices?api-version=2022-07-31&p=2"));
  h.http.on("GET", "/api/jobs/job-1/devices?api-version=2022-07-31&p=2")
      .reply(200, page({{{"id", "d3"}, {"status", "failed"}}}));
  DevicesOptions options;
  options.job_id = "job-1";
  options.statuses = {"failed"};
  const auto result = h.run([&](auto& context) { run_devices(options, context); });
  CHECK(result.exit_code == 0);
  CHECK(result.out == "d2\tfailed\nd3\tfailed\n");
}

TEST_CASE("devices -o jsonl passes the items through as the service sent them", "[cli][devices]") {
  CommandHarness h;
  h.env["IOTC_OUTPUT"] = "jsonl";
  h.http.on("GET", "/api/jobs/job-1/devices")
      .reply(200, page({{{"id", "d1"}, {"status", "completed"}, {"extra", 1}}}));
  DevicesOptions options;
  options.job_id = "job-1";
  const auto result = h.run([&](auto& context) { run_devices(options, context); });
  CHECK(result.exit_code == 0);
  CHECK(result.out == R"({"id":"d1","status":"completed","extra":1})"
                      "\n");
}

TEST_CASE("devices --summary counts a device status no api-version defines", "[cli][devices]") {
  CommandHarness h;
  h.env["IOTC_OUTPUT"] = "json";
  h.http.on("GET", "/api/jobs/job-1/devices")
      .reply(200, page({{{"id", "d1"}, {"status", "completed"}},
                        {{"id", "d2"}, {"status", "retrying"}},
                        {{"id", "d3"}}}));
  DevicesOptions options;
  options.job_id = "job-1";
  options.summary = true;
  const auto result = h.run([&](auto& context) { run_devices(options, context); });
  CHECK(result.exit_code == 0);
  const Json summary = Json::parse(result.out);
  CHECK(summary["total"] == 3);
  CHECK(summary["completed"] == 1);
  CHECK(summary["pending"] == 0);
  CHECK(summary["retrying"] == 1);
  CHECK(summary["unknown"] == 1);
}

TEST_CASE("devices of a job with none says so on stderr", "[cli][devices]") {
  CommandHarness h;
  h.http.on("GET", "/api/jobs/job-1/devices").reply(200, page(Json::array()));
  DevicesOptions options;
  options.job_id = "job-1";
  const auto result = h.run([&](auto& context) { run_devices(options, context); });
  CHECK(result.exit_code == 0);
  CHECK(result.out.empty());
  CHECK(has(result.err, "No devices found."));
}
