// stop, resume and rerun, in-process: the request each sends, the job printed after it, and
// --wait to the end.

#include <catch2/catch.hpp>

#include "cli/rerun.hpp"
#include "cli/resume.hpp"
#include "cli/stop.hpp"
#include "job_fixtures.hpp"

using namespace iotc::testing;
using iotc::cli::RerunOptions;
using iotc::cli::ResumeOptions;
using iotc::cli::StopOptions;
using iotc::model::Json;

TEST_CASE("stop posts, then prints the job as it is now", "[cli][stop]") {
  CommandHarness h;
  h.env["IOTC_OUTPUT"] = "json";
  h.http.on("GET", "/api/jobs/job-1").reply(200, job_json("job-1", "running", Progress{10, 4}));
  h.http.on("POST", "/api/jobs/job-1/stop").reply(204);
  h.http.on("GET", "/api/jobs/job-1").reply(200, job_json("job-1", "stopped", Progress{10, 4}));
  StopOptions options;
  options.job_id = "job-1";
  const auto result = h.run([&](auto& context) { run_stop(options, context); });
  CHECK(result.exit_code == 0);
  CHECK(Json::parse(result.out)["status"] == "stopped");
  CHECK(has(result.err, "Stopped job job-1."));
  CHECK(h.http.requests().at(1).body.empty());
}

TEST_CASE("stop of a running job the service refuses: its 422 is exit 1 with its message",
          "[cli][stop]") {
  CommandHarness h;
  h.http.on("GET", "/api/jobs/job-1").reply(200, job_json("job-1", "running", Progress{10, 4}));
  h.http.on("POST", "/api/jobs/job-1/stop")
      .reply(422, Json{{"error", {{"code", "InvalidJobState"}, {"message", "Job is complete"}}}});
  StopOptions options;
  options.job_id = "job-1";
  const auto result = h.run([&](auto& context) { run_stop(options, context); });
  CHECK(result.exit_code == 1);
  CHECK(result.out.empty());
  CHECK(has(result.err, "Job is complete"));
}

TEST_CASE("stop: --interval without --wait is a usage error before any request", "[cli][stop]") {
  CommandHarness h;
  StopOptions options;
  options.job_id = "job-1";
  options.wait.interval = "1s";
  const auto result = h.run([&](auto& context) { run_stop(options, context); });
  CHECK(result.exit_code == 2);
  CHECK(has(result.err, "--interval needs --wait"));
  CHECK(h.http.requests().empty());
}

TEST_CASE("resume --wait polls until the job completes on every device", "[cli][resume]") {
  CommandHarness h;
  h.env["IOTC_OUTPUT"] = "json";
  h.http.on("GET", "/api/jobs/job-1").reply(200, job_json("job-1", "stopped", Progress{10, 4}));
  h.http.on("POST", "/api/jobs/job-1/resume").reply(204);
  h.http.on("GET", "/api/jobs/job-1").reply(200, job_json("job-1", "running", Progress{10, 4}));
  h.http.on("GET", "/api/jobs/job-1").reply(200, job_json("job-1", "complete", Progress{10, 10}));
  ResumeOptions options;
  options.job_id = "job-1";
  options.wait.wait = true;
  const auto result = h.run([&](auto& context) { run_resume(options, context); });
  CHECK(result.exit_code == 0);
  CHECK(Json::parse(result.out)["status"] == "complete");
  CHECK(has(result.err, "Resumed job job-1."));
  // The default first interval between the two polls, slept in slices that notice Ctrl-C.
  std::chrono::milliseconds slept{0};
  for (const auto sleep : h.clock.sleeps) slept += sleep;
  CHECK(slept == std::chrono::seconds(5));
}

TEST_CASE("rerun without an id names the new job from the clock", "[cli][rerun]") {
  CommandHarness h;
  h.env["IOTC_OUTPUT"] = "json";
  // FakeClock's wall time is 2026-11-27T00:00:00Z.
  const std::string rerun_id = "job-1-rerun-20261127-000000";
  h.http.on("GET", "/api/jobs/job-1").reply(200, job_json("job-1", "complete", Progress{10, 7, 3}));
  h.http.on("PUT", "/api/jobs/job-1/rerun/" + rerun_id)
      .reply(200, job_json(rerun_id, "running", Progress{3}));
  RerunOptions options;
  options.job_id = "job-1";
  const auto result = h.run([&](auto& context) { run_rerun(options, context); });
  CHECK(result.exit_code == 0);
  CHECK(Json::parse(result.out)["id"] == rerun_id);
  CHECK(has(result.err, "Created job " + rerun_id + ", rerunning job-1 on its failed devices."));
}

TEST_CASE("rerun --wait of a rerun that fails again exits 6", "[cli][rerun]") {
  CommandHarness h;
  h.env["IOTC_OUTPUT"] = "json";
  h.http.on("GET", "/api/jobs/job-1").reply(200, job_json("job-1", "complete", Progress{10, 7, 3}));
  h.http.on("GET", "/api/jobs/job-1-again")
      .reply(404, Json{{"error", {{"code", "NotFound"}, {"message", "no job"}}}});
  h.http.on("PUT", "/api/jobs/job-1/rerun/job-1-again")
      .reply(200, job_json("job-1-again", "running", Progress{3}));
  h.http.on("GET", "/api/jobs/job-1-again")
      .reply(200, job_json("job-1-again", "complete", Progress{3, 1, 2}));
  RerunOptions options;
  options.job_id = "job-1";
  options.rerun_id = "job-1-again";
  options.wait.wait = true;
  const auto result = h.run([&](auto& context) { run_rerun(options, context); });
  CHECK(result.exit_code == 6);
  CHECK(Json::parse(result.out)["id"] == "job-1-again");
  CHECK(has(result.err, "job job-1-again is complete, but 2 of 3 devices failed"));
}

TEST_CASE("rerun: an invalid RERUN_ID is a usage error before any request", "[cli][rerun]") {
  CommandHarness h;
  RerunOptions options;
  options.job_id = "job-1";
  options.rerun_id = "not an id";
  const auto result = h.run([&](auto& context) { run_rerun(options, context); });
  CHECK(result.exit_code == 2);
  CHECK(has(result.err, "RERUN_ID 'not an id'"));
  CHECK(h.http.requests().empty());
}

TEST_CASE("stop of a stopped job: nothing sent, exit 0, and of a finished one: exit 7", "[cli][stop]") {
  CommandHarness h;
  h.http.on("GET", "/api/jobs/job-1").reply(200, job_json("job-1", "stopped", Progress{10, 4}));
  h.http.on("GET", "/api/jobs/job-2").reply(200, job_json("job-2", "complete", Progress{10, 10}));
  StopOptions options;
  options.job_id = "job-1";
  const auto stopped = h.run([&](auto& context) { run_stop(options, context); });
  CHECK(stopped.exit_code == 0);
  CHECK(has(stopped.err, "already stopped; nothing changed"));
  options.job_id = "job-2";
  const auto ended = h.run([&](auto& context) { run_stop(options, context); });
  CHECK(ended.exit_code == 7);
  CHECK(ended.out.empty());
  CHECK(has(ended.err, "stop of job-2 refused: it has ended (complete)"));
}

TEST_CASE("resume of a running job: exit 0, nothing changed, and rerun of a running one: 7",
          "[cli][resume][rerun]") {
  CommandHarness h;
  h.http.on("GET", "/api/jobs/job-1").reply(200, job_json("job-1", "running", Progress{10, 4}));
  h.http.on("GET", "/api/jobs/job-1").reply(200, job_json("job-1", "running", Progress{10, 4}));
  h.http.on("GET", "/api/jobs/job-3").reply(200, job_json("job-3", "complete", Progress{10, 10}));
  ResumeOptions resume;
  resume.job_id = "job-1";
  const auto resumed = h.run([&](auto& context) { run_resume(resume, context); });
  CHECK(resumed.exit_code == 0);
  CHECK(has(resumed.err, "already running; nothing changed"));
  RerunOptions rerun;
  rerun.job_id = "job-1";
  const auto running = h.run([&](auto& context) { run_rerun(rerun, context); });
  CHECK(running.exit_code == 7);
  CHECK(has(running.err, "rerun of job-1 refused: it is still running"));
  rerun.job_id = "job-3";
  const auto clean = h.run([&](auto& context) { run_rerun(rerun, context); });
  CHECK(clean.exit_code == 7);
  CHECK(has(clean.err, "no failed devices"));
}
