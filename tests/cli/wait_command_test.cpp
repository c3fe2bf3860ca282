// wait, in-process, on answers the emulator never gives: a status no api-version defines, and a
// preview job that has no progress (its devices are counted instead).

#include <catch2/catch.hpp>

#include "cli/wait.hpp"
#include "job_fixtures.hpp"

using namespace iotc::testing;
using iotc::cli::WaitOptions;
using iotc::model::Json;

namespace {

std::chrono::milliseconds slept(const FakeClock& clock) {
  std::chrono::milliseconds total{0};
  for (const auto sleep : clock.sleeps) total += sleep;
  return total;
}

}  // namespace

TEST_CASE("wait keeps polling through a status it does not know", "[cli][wait]") {
  CommandHarness h;
  h.env["IOTC_OUTPUT"] = "json";
  h.http.on("GET", "/api/jobs/job-1").reply(200, job_json("job-1", "throttled", Progress{10, 2}));
  h.http.on("GET", "/api/jobs/job-1").reply(200, job_json("job-1", "throttled", Progress{10, 2}));
  h.http.on("GET", "/api/jobs/job-1").reply(200, job_json("job-1", "complete", Progress{10, 10}));
  WaitOptions options;
  options.job_id = "job-1";
  options.interval = "1s";
  const auto result = h.run([&](auto& context) { run_wait(options, context); });
  CHECK(result.exit_code == 0);
  CHECK(Json::parse(result.out)["status"] == "complete");
  // 1 s, then 1.5 s: nothing moved between the first two polls, so the interval grew.
  CHECK(slept(h.clock) == std::chrono::milliseconds(2500));
}

TEST_CASE("wait on a preview job without progress counts its devices", "[cli][wait]") {
  CommandHarness h;
  h.env["IOTC_OUTPUT"] = "json";
  h.env["IOTC_API_VERSION"] = "preview";
  h.http.on("GET", "/api/jobs/job-1?api-version=preview")
      .reply(200, job_json("job-1", "running", std::nullopt));
  h.http.on("GET", "/api/jobs/job-1/devices?api-version=preview")
      .reply(200, page({{{"id", "d1"}, {"status", "completed"}},
                        {{"id", "d2"}, {"status", "pending"}}}));
  h.http.on("GET", "/api/jobs/job-1?api-version=preview")
      .reply(200, job_json("job-1", "complete", std::nullopt));
  h.http.on("GET", "/api/jobs/job-1/devices?api-version=preview")
      .reply(200,
             page({{{"id", "d1"}, {"status", "completed"}}, {{"id", "d2"}, {"status", "failed"}}}));
  WaitOptions options;
  options.job_id = "job-1";
  const auto result = h.run([&](auto& context) { run_wait(options, context); });
  CHECK(result.exit_code == 6);
  CHECK(Json::parse(result.out)["status"] == "complete");
  CHECK(has(result.err, "iotc-jobs: error: job job-1 is complete, but 1 of 2 devices failed"));
}

TEST_CASE("wait on a job that ends stopped exits 6", "[cli][wait]") {
  CommandHarness h;
  h.env["IOTC_OUTPUT"] = "json";
  h.http.on("GET", "/api/jobs/job-1").reply(200, job_json("job-1", "stopped", Progress{10, 4}));
  WaitOptions options;
  options.job_id = "job-1";
  const auto result = h.run([&](auto& context) { run_wait(options, context); });
  CHECK(result.exit_code == 6);
  CHECK(has(result.err, "job job-1 ended stopped: 0 of 10 devices failed"));
}

TEST_CASE("wait that outlasts --timeout exits 5 and says the job goes on", "[cli][wait]") {
  CommandHarness h;
  h.env["IOTC_TIMEOUT"] = "4s";
  // Polls at 0 s and 2 s; the next would start at the deadline.
  for (int poll = 0; poll < 2; ++poll) {
    h.http.on("GET", "/api/jobs/job-1").reply(200, job_json("job-1", "running", Progress{10, 1}));
  }
  WaitOptions options;
  options.job_id = "job-1";
  options.interval = "2s";
  const auto result = h.run([&](auto& context) { run_wait(options, context); });
  CHECK(result.exit_code == 5);
  CHECK(result.out.empty());
  CHECK(has(result.err, "iotc-jobs: error: job job-1 is still running after "));
  CHECK(has(result.err, "it goes on at the service (wait again with: iotc-jobs wait job-1)"));
}
