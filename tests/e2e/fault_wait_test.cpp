// Faults across the several calls of one command: the polls of a wait (a fault that passes
// does not end it, even one that lasts until --timeout; a refused token or a vanished job does;
// a hung poll meets --timeout; a log gets a heartbeat), create --wait and rerun
// --wait with faults on both calls, and generated ids kept across retries.

#include <catch2/catch.hpp>
#include <chrono>
#include <future>
#include <thread>

#include "fault_matrix.hpp"

using namespace iotc::testing;
using namespace iotc::testing::faults;

namespace {

void add_fault(const EmulatorProcess& emulator, const Json& fault) {
  const auto added = emulator.request("POST", "/_emulator/faults", fault);
  INFO(added.text);
  REQUIRE(added.status == 201);
}

// The polls of `path` (its GETs) in the request log, oldest first.
std::vector<Json> log_of(const EmulatorProcess& emulator, const std::string& path) {
  std::vector<Json> entries;
  const auto log = emulator.request("GET", "/_emulator/requests");
  for (const auto& entry : log.body.at("value")) {
    if (entry.value("method", std::string()) == "GET" &&
        entry.value("path", std::string()) == path) {
      entries.push_back(entry);
    }
  }
  return entries;
}

// Waits until the faults set have all hit `path` and a request to it has succeeded since (so
// that the next fault hits a new poll, not the retry of this one); false after 10 s.
bool wait_until_recovered(const EmulatorProcess& emulator, const std::string& path) {
  const auto deadline = Clock::now() + std::chrono::seconds(10);
  while (Clock::now() < deadline) {
    const auto faults = emulator.request("GET", "/_emulator/faults");
    const auto polls = log_of(emulator, path);
    if (faults.body.at("value").empty() && !polls.empty() &&
        polls.back().value("status", 0) == 200 && !polls.back().contains("fault")) {
      return true;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return false;
}

}  // namespace

TEST_CASE("fault matrix: faults while wait polls do not end the wait", "[e2e][faults]") {
  EmulatorProcess emulator({"--manual-clock"});
  Cli cli(emulator);
  put_job(emulator, "fm-wait", kLabGroup);
  const std::string path = "/api/jobs/fm-wait";
  auto waiting = std::async(std::launch::async, [&] {
    return cli.run({"wait", "fm-wait", "--interval", "100ms", "--retries", "2", "-o", "json"});
  });
  // One of each failing kind hits a poll, one after the other, while the job runs; each is
  // retried away, and the wait goes on.
  for (const char* kind : {"503", "drop", "truncate", "500", "429-no-retry-after"}) {
    add_fault(emulator, {{"kind", kind}, {"method", "GET"}, {"path", path}});
    CHECK(wait_until_recovered(emulator, path));
  }
  add_fault(emulator, {{"kind", "429"}, {"method", "GET"}, {"path", path}, {"retryAfter", 1}});
  CHECK(wait_until_recovered(emulator, path));
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  advance_clock(emulator, "1m");
  const ProcessResult result = waiting.get();
  INFO(result.err);
  CHECK(result.exit_code == 0);
  const Json job = Json::parse(result.out);
  CHECK(job["status"] == "complete");
  CHECK(lines_of(result.err).back() == "fm-wait: complete, 10/10 devices");
  CHECK_FALSE(has(result.err, "error"));

  const auto polls = log_of(emulator, path);
  int faulted = 0;
  for (const auto& poll : polls) faulted += poll.contains("fault") ? 1 : 0;
  CHECK(faulted == 6);
  REQUIRE_FALSE(polls.empty());
  CHECK(polls.back().value("status", 0) == 200);
}

TEST_CASE("fault matrix: a persistent fault mid-wait is ridden out until --timeout, then exit 5",
          "[e2e][faults]") {
  EmulatorProcess emulator({"--manual-clock"});
  Cli cli(emulator);
  put_job(emulator, "fm-wait-down", kLabGroup);
  const std::string path = "/api/jobs/fm-wait-down";
  const auto start = Clock::now();
  auto waiting = std::async(std::launch::async, [&] {
    return cli.run(
        {"wait", "fm-wait-down", "--timeout", "4s", "--interval", "100ms", "--retries", "1"});
  });
  CHECK(wait_until_recovered(emulator, path));
  add_fault(emulator, {{"kind", "503"}, {"method", "GET"}, {"path", path}, {"count", 100000}});
  const ProcessResult result = waiting.get();
  const auto took = Clock::now() - start;
  INFO(result.err);
  // Far more polls failed than --retries allows one poll: the wait went on to its deadline.
  CHECK(result.exit_code == 5);
  // It ends when the next retry would cross the deadline: at most one back-off before it.
  CHECK(took >= std::chrono::seconds(3));
  CHECK(took < std::chrono::seconds(4) + std::chrono::seconds(4));
  CHECK(result.out.empty());
  const auto lines = lines_of(result.err);
  REQUIRE(lines.size() >= 3);
  CHECK(lines.front() == "fm-wait-down: running, 0/10 devices");
  CHECK(lines[1].rfind("fm-wait-down: a poll failed (", 0) == 0);
  CHECK(has(lines[1], "HTTP 503 ServiceUnavailable"));
  CHECK(has(lines[1], "polling on until the timeout"));
  CHECK(lines.back().rfind("iotc-jobs: error: job fm-wait-down is still running after 4s", 0) ==
        0);
  CHECK(has(lines.back(), "the polls of the last"));
  CHECK(has(lines.back(), "HTTP 503 ServiceUnavailable"));
  int faulted = 0;
  for (const auto& poll : log_of(emulator, path)) faulted += poll.contains("fault") ? 1 : 0;
  CHECK(faulted > 4);
  emulator.request("DELETE", "/_emulator/faults");
  CHECK(emulator.request("GET", path + "?api-version=2022-07-31").body["status"] == "running");
}

TEST_CASE("fault matrix: a wait goes on through a burst of failed polls and ends 0",
          "[e2e][faults]") {
  EmulatorProcess emulator({"--manual-clock"});
  Cli cli(emulator);
  put_job(emulator, "fm-wait-burst", kLabGroup);
  const std::string path = "/api/jobs/fm-wait-burst";
  auto waiting = std::async(std::launch::async, [&] {
    return cli.run({"wait", "fm-wait-burst", "--interval", "100ms", "--retries", "1"});
  });
  CHECK(wait_until_recovered(emulator, path));
  // Three polls in a row fail (two attempts each), then the service is back.
  add_fault(emulator, {{"kind", "503"}, {"method", "GET"}, {"path", path}, {"count", 6}});
  CHECK(wait_until_recovered(emulator, path));
  advance_clock(emulator, "1m");
  const ProcessResult result = waiting.get();
  INFO(result.err);
  CHECK(result.exit_code == 0);
  const auto lines = lines_of(result.err);
  int failed_lines = 0;
  for (const auto& line : lines) failed_lines += has(line, "a poll failed") ? 1 : 0;
  CHECK(failed_lines == 1);  // said once per failing stretch, not per poll
  CHECK(lines.back() == "fm-wait-burst: complete, 10/10 devices");
}

TEST_CASE("fault matrix: a refused token or a vanished job ends a wait at once (4, 3)",
          "[e2e][faults]") {
  EmulatorProcess emulator({"--manual-clock"});
  Cli cli(emulator);
  SECTION("401: exit 4") {
    put_job(emulator, "fm-wait-401", kLabGroup);
    const std::string path = "/api/jobs/fm-wait-401";
    const auto start = Clock::now();
    auto waiting = std::async(std::launch::async, [&] {
      return cli.run({"wait", "fm-wait-401", "--interval", "100ms"});
    });
    CHECK(wait_until_recovered(emulator, path));
    add_fault(emulator, {{"kind", "401"}, {"method", "GET"}, {"path", path}, {"count", 100}});
    const ProcessResult result = waiting.get();
    INFO(result.err);
    CHECK(result.exit_code == 4);
    CHECK(Clock::now() - start < std::chrono::seconds(10));
    CHECK(has(result.err, "iotc-jobs: error: authentication failed"));
    CHECK_FALSE(has(result.err, "a poll failed"));
  }
  SECTION("404: exit 3") {
    put_job(emulator, "fm-wait-404", kLabGroup);
    const std::string path = "/api/jobs/fm-wait-404";
    auto waiting = std::async(std::launch::async, [&] {
      return cli.run({"wait", "fm-wait-404", "--interval", "100ms"});
    });
    CHECK(wait_until_recovered(emulator, path));
    REQUIRE(emulator.request("POST", "/_emulator/reset").status == 204);  // the job is gone
    const ProcessResult result = waiting.get();
    INFO(result.err);
    CHECK(result.exit_code == 3);
    CHECK(has(result.err, "job 'fm-wait-404' not found"));
  }
}

TEST_CASE("wait: a log gets a heartbeat line with the time elapsed while nothing changes",
          "[e2e][wait]") {
  EmulatorProcess emulator({"--manual-clock"});
  Cli cli(emulator);
  put_job(emulator, "fm-beat", kLabGroup);
  // IOTC_HEARTBEAT_INTERVAL stands in for the minute of a real log, so the test need not wait
  // one; the job stands still (manual clock) for the whole --timeout.
  const auto result = cli.run({"wait", "fm-beat", "--timeout", "2s", "--interval", "1s"},
                              {{"IOTC_HEARTBEAT_INTERVAL", "300ms"}});
  INFO(result.err);
  CHECK(result.exit_code == 5);
  const auto lines = lines_of(result.err);
  REQUIRE(lines.size() >= 4);
  CHECK(lines.front() == "fm-beat: running, 0/10 devices");
  int beats = 0;
  for (const auto& line : lines) {
    if (line.rfind("fm-beat: running, 0/10 devices (still waiting after ", 0) == 0) ++beats;
  }
  // 2 s with a beat at least every 300 ms after the first line: 4 or more.
  CHECK(beats >= 4);
  CHECK(lines.back().rfind("iotc-jobs: error: job fm-beat is still running after 2s", 0) == 0);

  SECTION("a terminal shows the bar instead, without heartbeat lines") {
    const auto tty = cli.run_tty({"wait", "fm-beat", "--timeout", "1s", "--interval", "1s"},
                                 {{"IOTC_HEARTBEAT_INTERVAL", "200ms"}});
    CHECK(tty.exit_code == 5);
    CHECK_FALSE(has(tty.err, "still waiting after"));
  }
  SECTION("a bad IOTC_HEARTBEAT_INTERVAL is a usage error") {
    const auto bad = cli.run({"wait", "fm-beat"}, {{"IOTC_HEARTBEAT_INTERVAL", "often"}});
    CHECK(bad.exit_code == 2);
    CHECK(has(bad.err, "IOTC_HEARTBEAT_INTERVAL"));
  }
}

TEST_CASE("fault matrix: a wait whose polls hang ends at its --timeout with exit 5",
          "[e2e][faults]") {
  EmulatorProcess emulator({"--manual-clock"});
  Cli cli(emulator);
  put_job(emulator, "fm-wait-hung", kLabGroup);
  const std::string path = "/api/jobs/fm-wait-hung";
  const auto start = Clock::now();
  auto waiting = std::async(std::launch::async, [&] {
    return cli.run({"wait", "fm-wait-hung", "--timeout", "2s", "--interval", "100ms"});
  });
  // Seen running first; then every poll hangs far past the --timeout.
  CHECK(wait_until_recovered(emulator, path));
  add_fault(
      emulator,
      {{"kind", "slow"}, {"method", "GET"}, {"path", path}, {"count", 100}, {"delayMs", 6000}});
  const ProcessResult result = waiting.get();
  const auto took = Clock::now() - start;
  INFO(result.err);
  CHECK(took < std::chrono::seconds(2) + std::chrono::seconds(4));
  CHECK(result.exit_code == 5);
  CHECK(result.out.empty());
  CHECK(has(result.err, "iotc-jobs: error: job fm-wait-hung is still running after 2s"));
  emulator.kill9();  // without waiting for the held answers
}

TEST_CASE("fault matrix: create --wait and rerun --wait ride out faults on both calls",
          "[e2e][faults]") {
  EmulatorProcess emulator({"--device-time", "20ms"});
  Cli cli(emulator);
  // The create's PUT is answered but its body cut: the retried PUT finds the same job.
  add_fault(emulator, {{"kind", "truncate"}, {"method", "PUT"}, {"path", "/api/jobs/fm-cw"}});
  add_fault(emulator, {{"kind", "503"}, {"method", "GET"}, {"path", "/api/jobs/fm-cw"}});
  const auto created = cli.run({"create", "fm-cw", "--group", kThermostatsGroup, "--target",
                                kThermostatTemplate, "--set", "targetTemperature=56", "--batch",
                                "25%", "--wait", "--interval", "100ms", "-o", "json"});
  INFO(created.err);
  CHECK(created.exit_code == 6);  // 3 thermostats fail
  CHECK(Json::parse(created.out)["progress"]["failed"] == 3);
  CHECK(has(created.err, "job fm-cw is complete, but 3 of 40 devices failed"));
  const auto jobs = emulator.request("GET", "/api/jobs?api-version=2022-07-31").body.at("value");
  CHECK(jobs.size() == 1);  // nothing created twice

  for (const auto& device : {"therm-07", "therm-23", "therm-38"}) {
    emulator.request("PUT", std::string("/_emulator/devices/") + device,
                     Json{{"behavior", "succeeds"}});
  }
  add_fault(emulator, {{"kind", "drop"}, {"method", "PUT"}, {"path", "/api/jobs/fm-cw/rerun"}});
  add_fault(emulator, {{"kind", "truncate"}, {"method", "GET"}, {"path", "/api/jobs/fm-cw-2"}});
  const auto rerun = cli.run({"rerun", "fm-cw", "fm-cw-2", "--wait", "--interval", "100ms"});
  INFO(rerun.err);
  CHECK(rerun.exit_code == 0);
  CHECK(has(rerun.err, "fm-cw-2: complete, 3/3 devices"));
}

TEST_CASE("fault matrix: a generated id is kept across retries, so nothing is created twice",
          "[e2e][faults]") {
  EmulatorProcess emulator({"--manual-clock"});
  Cli cli(emulator);
  // create with no JOB_ID: the answer to the PUT is cut after the job was made. A GET of the
  // same id finds it: one PUT, one job.
  add_fault(emulator, {{"kind", "truncate"}, {"method", "PUT"}, {"path", "/api/jobs/"}});
  const auto created = cli.run({"create", "--group", kLabGroup, "--target", kThermostatTemplate,
                                "--set", "targetTemperature=56", "-o", "json"});
  INFO(created.err);
  REQUIRE(created.exit_code == 0);
  const std::string id = Json::parse(created.out).value("id", std::string());
  const auto log = emulator.request("GET", "/_emulator/requests");
  std::vector<std::string> calls;
  for (const auto& entry : log.body.at("value")) {
    const std::string path = entry.value("path", std::string());
    if (path.rfind("/api/jobs/", 0) == 0) calls.push_back(entry.value("method", "") + " " + path);
  }
  CHECK(calls == std::vector<std::string>{"PUT /api/jobs/" + id, "GET /api/jobs/" + id});
  CHECK(emulator.request("GET", "/api/jobs?api-version=2022-07-31").body.at("value").size() == 1);

  // A PUT that never made the job (503) is sent again with the same id.
  REQUIRE(emulator.request("DELETE", "/_emulator/requests").status == 204);
  add_fault(emulator, {{"kind", "503"}, {"method", "PUT"}, {"path", "/api/jobs/"}});
  const auto resent = cli.run({"create", "--group", kLabGroup, "--target", kThermostatTemplate,
                               "--set", "targetTemperature=57", "-o", "json"});
  INFO(resent.err);
  REQUIRE(resent.exit_code == 0);
  const std::string resent_id = Json::parse(resent.out).value("id", std::string());
  std::vector<std::string> puts;
  const auto resent_log = emulator.request("GET", "/_emulator/requests");
  for (const auto& entry : resent_log.body.at("value")) {
    if (entry["method"] == "PUT") puts.push_back(entry.value("path", std::string()));
  }
  CHECK(puts == std::vector<std::string>{"/api/jobs/" + resent_id, "/api/jobs/" + resent_id});
  CHECK(emulator.request("GET", "/api/jobs?api-version=2022-07-31").body.at("value").size() == 2);

  // rerun with no RERUN_ID: the same.
  put_job(emulator, "fm-gen", kThermostatsGroup);
  advance_clock(emulator, "1m");
  REQUIRE(emulator.request("DELETE", "/_emulator/requests").status == 204);
  add_fault(emulator,
            {{"kind", "truncate"}, {"method", "PUT"}, {"path", "/api/jobs/fm-gen/rerun/"}});
  const auto rerun = cli.run({"rerun", "fm-gen", "-o", "json"});
  INFO(rerun.err);
  REQUIRE(rerun.exit_code == 0);
  const std::string rerun_id = Json::parse(rerun.out).value("id", std::string());
  const auto rerun_log = emulator.request("GET", "/_emulator/requests");
  std::vector<std::string> rerun_puts;
  for (const auto& entry : rerun_log.body.at("value")) {
    if (entry["method"] == "PUT") rerun_puts.push_back(entry.value("path", std::string()));
  }
  const std::string rerun_path = "/api/jobs/fm-gen/rerun/" + rerun_id;
  CHECK(rerun_puts == std::vector<std::string>{rerun_path, rerun_path});
  CHECK(emulator.request("GET", "/api/jobs?api-version=2022-07-31").body.at("value").size() == 4);
}
