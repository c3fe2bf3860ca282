// The fault matrix: every fault the emulator injects (429 with and without Retry-After, 500,
// 503, a slow answer, a dropped connection, a truncated body), on every command, in three
// regimes: a transient fault is retried away (exit 0, the request log shows exactly the extra
// attempts); a persistent one ends the command after --retries with exit 1 and one clear line
// on stderr; a hung service never keeps the command past its --timeout. Every call iotc-jobs
// makes is safe to repeat (GET, the PUTs with an id the client chose, stop and resume:
// DESIGN.md §3), so every faulted call is retried.
//
// Each row runs on fresh job ids, so the requests of one row never count in another's.

#include <catch2/catch.hpp>
#include <chrono>
#include <functional>
#include <future>
#include <thread>

#include "fixtures.hpp"

using namespace iotc::testing;
using iotc::model::Json;

namespace {

using Clock = std::chrono::steady_clock;

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// The emulated service for the whole matrix: time stands still (jobs stay where a row put
// them until it moves the clock), and no job waits for one of the 5 running slots.
const std::vector<std::string> kMatrixEmulator{"--manual-clock", "--max-running", "1000"};

// The call of a command that the fault hits.
struct Call {
  std::string method;
  std::string path;
};

// One command of the matrix, on the ids of one row.
struct Command {
  std::string name;
  // Puts the service in the state the command needs (a job to show, stop, rerun, ...).
  std::function<void(const EmulatorProcess&, const std::string& id)> prepare;
  std::function<std::vector<std::string>(const std::string& id)> argv;
  std::function<Call(const std::string& id)> call;
  // Checks stdout (-o json) of a run that succeeded.
  std::function<void(const Json& out, const std::string& id)> check;
};

void check_job(const Json& out, const std::string& id) {
  CHECK(out.value("id", std::string()) == id);
}

// A job on Lab thermostats (10 devices, all succeed) that has finished.
void finished_lab_job(const EmulatorProcess& emulator, const std::string& id) {
  put_job(emulator, id, kLabGroup);
  advance_clock(emulator, "1m");
}

std::vector<Command> commands() {
  const auto nothing = [](const EmulatorProcess&, const std::string&) {};
  const auto running = [](const EmulatorProcess& emulator, const std::string& id) {
    put_job(emulator, id, kLabGroup);
  };
  return {
      {"list", running, [](const std::string&) { return std::vector<std::string>{"list"}; },
       [](const std::string&) {
         return Call{"GET", "/api/jobs"};
       },
       [](const Json& out, const std::string& id) {
         REQUIRE(out.is_array());
         CHECK(out.at(0).value("id", std::string()) == id);  // newest first
       }},
      {"show", running,
       [](const std::string& id) {
         return std::vector<std::string>{"show", id};
       },
       [](const std::string& id) {
         return Call{"GET", "/api/jobs/" + id};
       },
       check_job},
      {"devices", running,
       [](const std::string& id) {
         return std::vector<std::string>{"devices", id};
       },
       [](const std::string& id) {
         return Call{"GET", "/api/jobs/" + id + "/devices"};
       },
       [](const Json& out, const std::string&) {
         REQUIRE(out.is_array());
         CHECK(out.size() == 10);
       }},
      {"create", nothing,
       [](const std::string& id) {
         return std::vector<std::string>{"create",   id,
                                         "--group",  kLabGroup,
                                         "--target", kThermostatTemplate,
                                         "--set",    "targetTemperature=56"};
       },
       [](const std::string& id) {
         return Call{"PUT", "/api/jobs/" + id};
       },
       check_job},
      {"stop", running,
       [](const std::string& id) {
         return std::vector<std::string>{"stop", id};
       },
       [](const std::string& id) {
         return Call{"POST", "/api/jobs/" + id + "/stop"};
       },
       [](const Json& out, const std::string& id) {
         check_job(out, id);
         CHECK(out.value("status", std::string()) == "stopped");
       }},
      {"resume",
       [](const EmulatorProcess& emulator, const std::string& id) {
         put_job(emulator, id, kLabGroup);
         const auto stopped =
             emulator.request("POST", "/api/jobs/" + id + "/stop?api-version=2022-07-31");
         REQUIRE(stopped.status == 204);
       },
       [](const std::string& id) {
         return std::vector<std::string>{"resume", id};
       },
       [](const std::string& id) {
         return Call{"POST", "/api/jobs/" + id + "/resume"};
       },
       [](const Json& out, const std::string& id) {
         check_job(out, id);
         CHECK(out.value("status", std::string()) != "stopped");
       }},
      {"rerun",
       [](const EmulatorProcess& emulator, const std::string& id) {
         // Thermostats: 3 of its 40 devices fail, so the finished job can be rerun.
         put_job(emulator, id, kThermostatsGroup);
         advance_clock(emulator, "1m");
       },
       [](const std::string& id) {
         return std::vector<std::string>{"rerun", id, id + "-rerun"};
       },
       [](const std::string& id) {
         return Call{"PUT", "/api/jobs/" + id + "/rerun/" + id + "-rerun"};
       },
       [](const Json& out, const std::string& id) { check_job(out, id + "-rerun"); }},
      {"wait", finished_lab_job,
       [](const std::string& id) {
         return std::vector<std::string>{"wait", id, "--interval", "100ms"};
       },
       [](const std::string& id) {
         return Call{"GET", "/api/jobs/" + id};
       },
       [](const Json& out, const std::string& id) {
         check_job(out, id);
         CHECK(out.value("status", std::string()) == "complete");
       }},
  };
}

struct Fault {
  std::string kind;
  int count = 1;
  int retry_after = 0;  // seconds, for kind 429
  int delay_ms = 0;     // for kind slow
};

struct Observed {
  std::string id;  // the row's job id
  ProcessResult result;
  std::vector<Json> attempts;  // the request log's entries of the faulted call, oldest first
  Clock::duration took;
  int faulted = 0;  // how many of them the fault hit
};

// One row: fresh ids, the command's state prepared, the fault set on its call, the command
// run with `flags`, and the attempts of that call read back from the request log.
class Matrix {
 public:
  Matrix() : emulator_(kMatrixEmulator), cli_(emulator_) {}

  Observed run(const Command& command, const Fault& fault, const std::vector<std::string>& flags) {
    const std::string id = "fm-" + std::to_string(++rows_) + "-" + command.name;
    command.prepare(emulator_, id);
    REQUIRE(emulator_.request("DELETE", "/_emulator/faults").status == 204);
    REQUIRE(emulator_.request("DELETE", "/_emulator/requests").status == 204);
    const Call call = command.call(id);
    Json body{
        {"kind", fault.kind}, {"method", call.method}, {"path", call.path}, {"count", fault.count}};
    if (fault.kind == "429") body["retryAfter"] = fault.retry_after;
    if (fault.kind == "slow") body["delayMs"] = fault.delay_ms;
    const auto added = emulator_.request("POST", "/_emulator/faults", body);
    INFO(added.text);
    REQUIRE(added.status == 201);

    std::vector<std::string> argv = command.argv(id);
    argv.insert(argv.end(), {"-o", "json"});
    argv.insert(argv.end(), flags.begin(), flags.end());
    Observed observed;
    observed.id = id;
    const auto start = Clock::now();
    observed.result = cli_.run(argv);
    observed.took = Clock::now() - start;

    const auto log = emulator_.request("GET", "/_emulator/requests");
    REQUIRE(log.status == 200);
    for (const auto& entry : log.body.at("value")) {
      if (entry.value("method", std::string()) == call.method &&
          entry.value("path", std::string()) == call.path) {
        observed.attempts.push_back(entry);
        if (entry.contains("fault")) ++observed.faulted;
      }
    }
    REQUIRE(emulator_.request("DELETE", "/_emulator/faults").status == 204);
    return observed;
  }

  // Ends the emulator at once, without waiting for the slow answers still being held.
  void kill() { emulator_.kill9(); }

 private:
  EmulatorProcess emulator_;
  Cli cli_;
  int rows_ = 0;
};

std::string describe(const Command& command, const Fault& fault, const Observed& observed) {
  std::string text =
      command.name + " with " + std::to_string(fault.count) + " x " + fault.kind + ": exit " +
      std::to_string(observed.result.exit_code) + ", " + std::to_string(observed.attempts.size()) +
      " attempts\nstdout: " + observed.result.out + "\nstderr: " + observed.result.err;
  return text;
}

// A transient fault: the command retries, succeeds, and the log shows exactly the faulted
// attempts plus the one that worked.
void expect_recovered(const Command& command, const Fault& fault, const Observed& observed) {
  INFO(describe(command, fault, observed));
  CHECK(observed.result.exit_code == 0);
  CHECK(observed.faulted == fault.count);
  CHECK(observed.attempts.size() == static_cast<std::size_t>(fault.count) + 1);
  if (!observed.attempts.empty()) {
    CHECK(observed.attempts.back().value("status", 0) / 100 == 2);
    CHECK_FALSE(observed.attempts.back().contains("fault"));
  }
  if (observed.result.exit_code == 0) command.check(Json::parse(observed.result.out), observed.id);
}

// What a clean failure looks like: one line on stderr, naming what went wrong, no token, no
// JSON dump, nothing (or valid JSON) on stdout.
void expect_clean_error(const Observed& observed, const std::string& names) {
  const auto& err = observed.result.err;
  CHECK(err.rfind("iotc-jobs: error: ", 0) == 0);
  CHECK(lines_of(err).size() == 1);
  CHECK(has(err, names));
  CHECK_FALSE(has(err, "test-signature"));
  CHECK_FALSE(has(err, "{\""));
  CHECK_FALSE(has(err, "terminate"));
  CHECK(observed.result.out.empty());
}

}  // namespace

namespace {

// A fault kind and what a command's error message says when it persists.
struct KindSpec {
  std::string kind;
  std::string names;  // in the one-line error
  int retry_after = 0;
};

// stop and resume answer 204 with no body: half of nothing is nothing, so a truncated answer
// is a whole one.
bool inert(const KindSpec& spec, const Command& command) {
  return spec.kind == "truncate" && (command.name == "stop" || command.name == "resume");
}

void expect_inert(const Command& command, const Fault& fault, const Observed& observed) {
  INFO(describe(command, fault, observed));
  CHECK(observed.result.exit_code == 0);
  CHECK(observed.attempts.size() == 1);
  CHECK(observed.faulted == 1);
  if (observed.result.exit_code == 0) command.check(Json::parse(observed.result.out), observed.id);
}

// The three regimes of one fault kind on every command.
void run_kind(const KindSpec& spec) {
  Matrix matrix;
  for (const Command& command : commands()) {
    // Transient: one fault, one retry allowed: the command gets through.
    const Fault once{spec.kind, 1, spec.retry_after};
    const Observed transient = matrix.run(command, once, {"--retries", "1"});
    if (inert(spec, command)) {
      expect_inert(command, once, transient);
    } else {
      expect_recovered(command, once, transient);
    }
    if (spec.kind == "429" && spec.retry_after > 0 && !inert(spec, command)) {
      INFO(command.name << ": the retry waited for Retry-After");
      CHECK(transient.took >= std::chrono::seconds(spec.retry_after));
    }

    // Persistent: the retries run out; exit 1, one line naming the failure.
    const Fault always{spec.kind, 100, 0};
    const Observed persistent = matrix.run(command, always, {"--retries", "1"});
    if (inert(spec, command)) {
      expect_inert(command, always, persistent);
    } else {
      INFO(describe(command, always, persistent));
      CHECK(persistent.result.exit_code == 1);
      CHECK(persistent.attempts.size() == 2);  // --retries 1: two attempts
      CHECK(persistent.faulted == 2);
      expect_clean_error(persistent, spec.names);
      CHECK(has(persistent.result.err, "(after 1 retry)"));
    }

    // No retries: --retries 0 makes one attempt, and the first fault is final.
    const Observed single = matrix.run(command, once, {"--retries", "0"});
    if (inert(spec, command)) {
      expect_inert(command, once, single);
    } else {
      INFO(describe(command, once, single));
      CHECK(single.result.exit_code == 1);
      CHECK(single.attempts.size() == 1);
      expect_clean_error(single, spec.names);
      CHECK_FALSE(has(single.result.err, "retr"));
    }
  }
}

}  // namespace

TEST_CASE("fault matrix: 429 with Retry-After", "[e2e][faults]") {
  run_kind({"429", "HTTP 429 TooManyRequests", 1});
}

TEST_CASE("fault matrix: 429 without Retry-After", "[e2e][faults]") {
  run_kind({"429-no-retry-after", "HTTP 429 TooManyRequests"});
}

TEST_CASE("fault matrix: 500", "[e2e][faults]") {
  run_kind({"500", "HTTP 500 InternalServerError"});
}

TEST_CASE("fault matrix: 503, and two in a row", "[e2e][faults]") {
  run_kind({"503", "HTTP 503 ServiceUnavailable"});
  // Two faults in a row need two retries; the log shows three attempts.
  Matrix matrix;
  for (const Command& command : commands()) {
    const Fault twice{"503", 2};
    expect_recovered(command, twice, matrix.run(command, twice, {"--retries", "2"}));
  }
}

TEST_CASE("fault matrix: a dropped connection", "[e2e][faults]") {
  run_kind({"drop", "connection dropped"});
}

TEST_CASE("fault matrix: a truncated answer", "[e2e][faults]") {
  run_kind({"truncate", "connection dropped"});
}

TEST_CASE("fault matrix: a slow answer is waited for", "[e2e][faults]") {
  Matrix matrix;
  for (const Command& command : commands()) {
    const Fault slow{"slow", 1, 0, 300};
    const Observed observed = matrix.run(command, slow, {"--retries", "1"});
    INFO(describe(command, slow, observed));
    CHECK(observed.result.exit_code == 0);
    CHECK(observed.attempts.size() == 1);  // slow is not a failure: nothing to retry
    CHECK(observed.took >= std::chrono::milliseconds(300));
    if (observed.result.exit_code == 0)
      command.check(Json::parse(observed.result.out), observed.id);
  }
}

TEST_CASE("fault matrix: a hung service never keeps a command past --timeout", "[e2e][faults]") {
  // Generous: process start-up and a loaded CI machine. Only an upper bound on the hang.
  constexpr auto kMargin = std::chrono::seconds(4);
  Matrix matrix;
  for (const Command& command : commands()) {
    // Each answer takes longer than the --timeout and the margin together.
    const Fault hung{"slow", 100, 0, 6000};
    const Observed observed = matrix.run(command, hung, {"--timeout", "1s"});
    INFO(describe(command, hung, observed));
    CHECK(observed.took < std::chrono::seconds(1) + kMargin);
    CHECK(observed.result.exit_code == 1);
    expect_clean_error(observed, "before the deadline");
  }
  matrix.kill();
}

TEST_CASE("fault matrix: a Retry-After beyond the deadline or the cap is not slept through",
          "[e2e][faults]") {
  Matrix matrix;
  const auto show = commands().at(1);
  REQUIRE(show.name == "show");

  // Longer than the --timeout left: fail at once rather than sleep past it.
  const Fault past_deadline{"429", 100, 30};
  const Observed late = matrix.run(show, past_deadline, {"--timeout", "2s"});
  {
    INFO(describe(show, past_deadline, late));
    CHECK(late.result.exit_code == 1);
    CHECK(late.attempts.size() == 1);
    CHECK(late.took < std::chrono::seconds(2) + std::chrono::seconds(4));
    expect_clean_error(late, "HTTP 429 TooManyRequests");
  }

  // Longer than the client honours (120 s): give up at once with the service's answer.
  const Fault too_long{"429", 100, 600};
  const Observed refused = matrix.run(show, too_long, {});
  {
    INFO(describe(show, too_long, refused));
    CHECK(refused.result.exit_code == 1);
    CHECK(refused.attempts.size() == 1);
    CHECK(refused.took < std::chrono::seconds(5));
    expect_clean_error(refused, "only after 600 s");
  }
}

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

TEST_CASE("fault matrix: a persistent fault mid-wait ends it with exit 1; the job goes on",
          "[e2e][faults]") {
  EmulatorProcess emulator({"--manual-clock"});
  Cli cli(emulator);
  put_job(emulator, "fm-wait-down", kLabGroup);
  const std::string path = "/api/jobs/fm-wait-down";
  auto waiting = std::async(std::launch::async, [&] {
    return cli.run({"wait", "fm-wait-down", "--interval", "100ms", "--retries", "1"});
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(400));
  add_fault(emulator, {{"kind", "503"}, {"method", "GET"}, {"path", path}, {"count", 100}});
  const ProcessResult result = waiting.get();
  INFO(result.err);
  CHECK(result.exit_code == 1);
  CHECK(result.out.empty());
  const auto lines = lines_of(result.err);
  REQUIRE_FALSE(lines.empty());
  CHECK(lines.front() == "fm-wait-down: running, 0/10 devices");
  CHECK(lines.back().rfind("iotc-jobs: error: ", 0) == 0);
  CHECK(has(lines.back(), "HTTP 503 ServiceUnavailable"));
  CHECK(has(lines.back(), "(after 1 retry)"));
  int faulted = 0;
  const auto polls = log_of(emulator, path);
  for (const auto& poll : polls) faulted += poll.contains("fault") ? 1 : 0;
  CHECK(faulted == 2);
  emulator.request("DELETE", "/_emulator/faults");
  CHECK(emulator.request("GET", path + "?api-version=2022-07-31").body["status"] == "running");
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
  // create with no JOB_ID: the answer to the first PUT is cut after the job was made.
  add_fault(emulator, {{"kind", "truncate"}, {"method", "PUT"}, {"path", "/api/jobs/"}});
  const auto created = cli.run({"create", "--group", kLabGroup, "--target", kThermostatTemplate,
                                "--set", "targetTemperature=56", "-o", "json"});
  INFO(created.err);
  REQUIRE(created.exit_code == 0);
  const std::string id = Json::parse(created.out).value("id", std::string());
  const auto log = emulator.request("GET", "/_emulator/requests");
  std::vector<std::string> puts;
  for (const auto& entry : log.body.at("value")) {
    if (entry["method"] == "PUT") puts.push_back(entry.value("path", std::string()));
  }
  CHECK(puts == std::vector<std::string>{"/api/jobs/" + id, "/api/jobs/" + id});
  CHECK(emulator.request("GET", "/api/jobs?api-version=2022-07-31").body.at("value").size() == 1);

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
  CHECK(emulator.request("GET", "/api/jobs?api-version=2022-07-31").body.at("value").size() == 3);
}
