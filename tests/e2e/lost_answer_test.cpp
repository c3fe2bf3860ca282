// A create whose answer was lost (docs/design.md §2): one GET decides whether the job was made,
// so that a retry never relies on the service answering a second create of the same id as it
// answered the first. Run against both answers the emulator can give such a create
// (--duplicate-create conflict, the default, and idempotent).

#include <catch2/catch.hpp>
#include <chrono>
#include <future>
#include <thread>

#include "fixtures.hpp"

using namespace iotc::testing;
using iotc::model::Json;

namespace {

void add_fault(const EmulatorProcess& emulator, const Json& fault) {
  const auto added = emulator.request("POST", "/_emulator/faults", fault);
  INFO(added.text);
  REQUIRE(added.status == 201);
}

// "GET 404", "PUT 503", ...: the requests to `path`, oldest first.
std::vector<std::string> calls_of(const EmulatorProcess& emulator, const std::string& path) {
  std::vector<std::string> calls;
  const auto log = emulator.request("GET", "/_emulator/requests");
  for (const auto& entry : log.body.at("value")) {
    if (entry.value("path", std::string()) != path) continue;
    calls.push_back(entry.value("method", std::string()) + " " +
                    std::to_string(entry.value("status", 0)));
  }
  return calls;
}

std::size_t job_count(const EmulatorProcess& emulator) {
  return emulator.request("GET", "/api/jobs?api-version=2022-07-31").body.at("value").size();
}

std::vector<std::string> create_args(const std::string& id) {
  return {"create", id,      "--group", kLabGroup,  "--target", kThermostatTemplate, "--set",
          "targetTemperature=56", "--name",  "Mine",  "-o",       "json"};
}

}  // namespace

TEST_CASE("lost answer: a create whose answer was cut is confirmed by one GET, not sent again",
          "[e2e][lost-answer]") {
  const auto mode = GENERATE(as<std::string>{}, "conflict", "idempotent");
  INFO("--duplicate-create " << mode);
  EmulatorProcess emulator({"--manual-clock", "--duplicate-create", mode});
  Cli cli(emulator);
  // The job is made, then its answer is cut half way.
  add_fault(emulator, {{"kind", "truncate"}, {"method", "PUT"}, {"path", "/api/jobs/la-cut"}});
  const auto result = cli.run(create_args("la-cut"));
  INFO(result.err);
  CHECK(result.exit_code == 0);
  CHECK(Json::parse(result.out)["id"] == "la-cut");
  CHECK(has(result.err, "Created job la-cut (confirmed after a lost answer)."));
  // The first GET finds no such job (it may be created), the PUT's answer is lost, the second
  // GET finds the job as it was sent: no second PUT.
  CHECK(calls_of(emulator, "/api/jobs/la-cut") ==
        std::vector<std::string>{"GET 404", "PUT 200", "GET 200"});
  CHECK(job_count(emulator) == 1);

  SECTION("with --retries 0 too: the GET is not a retry") {
    add_fault(emulator, {{"kind", "truncate"}, {"method", "PUT"}, {"path", "/api/jobs/la-cut0"}});
    auto args = create_args("la-cut0");
    args.insert(args.end(), {"--retries", "0"});
    const auto again = cli.run(args);
    INFO(again.err);
    CHECK(again.exit_code == 0);
    CHECK(has(again.err, "Created job la-cut0 (confirmed after a lost answer)."));
  }
}

TEST_CASE("lost answer: a PUT that never made the job is sent again once a GET finds nothing",
          "[e2e][lost-answer]") {
  const auto mode = GENERATE(as<std::string>{}, "conflict", "idempotent");
  INFO("--duplicate-create " << mode);
  EmulatorProcess emulator({"--manual-clock", "--duplicate-create", mode});
  Cli cli(emulator);
  const auto kind = GENERATE(as<std::string>{}, "503", "drop");
  INFO("fault " << kind);
  // The emulator answers these before it looks at the request: no job is made.
  add_fault(emulator, {{"kind", kind}, {"method", "PUT"}, {"path", "/api/jobs/la-none"}});
  const auto result = cli.run(create_args("la-none"));
  INFO(result.err);
  CHECK(result.exit_code == 0);
  CHECK(has(result.err, "Created job la-none."));
  CHECK_FALSE(has(result.err, "confirmed"));
  const std::string lost = kind == "drop" ? "PUT 0" : "PUT 503";
  CHECK(calls_of(emulator, "/api/jobs/la-none") ==
        std::vector<std::string>{"GET 404", lost, "GET 404", "PUT 200"});
  CHECK(job_count(emulator) == 1);
}

TEST_CASE("lost answer: with no retry left, a GET that finds nothing ends it with exit 1",
          "[e2e][lost-answer]") {
  EmulatorProcess emulator({"--manual-clock"});
  Cli cli(emulator);
  add_fault(emulator, {{"kind", "503"}, {"method", "PUT"}, {"path", "/api/jobs/la-down"}});
  auto args = create_args("la-down");
  args.insert(args.end(), {"--retries", "0"});
  const auto result = cli.run(args);
  INFO(result.err);
  CHECK(result.exit_code == 1);
  CHECK(result.out.empty());
  CHECK(has(result.err, "HTTP 503 ServiceUnavailable"));
  CHECK(calls_of(emulator, "/api/jobs/la-down") ==
        std::vector<std::string>{"GET 404", "PUT 503", "GET 404"});
  CHECK(job_count(emulator) == 0);
}

TEST_CASE("lost answer: a job that appeared meanwhile but differs is exit 7, nothing created",
          "[e2e][lost-answer]") {
  EmulatorProcess emulator({"--manual-clock"});
  Cli cli(emulator);
  const std::string path = "/api/jobs/la-other";
  // The first GET (the check that the id is free) goes through; the PUT is lost; the GET after
  // it is held for 3 s, while another client creates a different job with that id.
  add_fault(emulator, {{"kind", "slow"}, {"method", "GET"}, {"path", path}, {"delayMs", 0}});
  add_fault(emulator, {{"kind", "slow"}, {"method", "GET"}, {"path", path}, {"delayMs", 3000}});
  add_fault(emulator, {{"kind", "503"}, {"method", "PUT"}, {"path", path}});
  auto creating = std::async(std::launch::async, [&] { return cli.run(create_args("la-other")); });
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (calls_of(emulator, path) != std::vector<std::string>{"GET 404", "PUT 503"} &&
         std::chrono::steady_clock::now() < give_up) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  put_job(emulator, "la-other", kLabGroup, "Someone else's job");
  const auto result = creating.get();
  INFO(result.err);
  CHECK(result.exit_code == 7);
  CHECK(result.out.empty());
  CHECK(has(result.err, "job la-other now exists but differs from what was sent (displayName)"));
  CHECK(has(result.err, "nothing was created"));
  CHECK(emulator.request("GET", path + "?api-version=2022-07-31").body["displayName"] ==
        "Someone else's job");
}

TEST_CASE("lost answer: a 409 to the create itself is exit 7", "[e2e][lost-answer]") {
  EmulatorProcess emulator({"--manual-clock"});
  Cli cli(emulator);
  const std::string path = "/api/jobs/la-race";
  // The id is free when checked; the group's check, which comes next, is held while another
  // client takes the id.
  add_fault(emulator, {{"kind", "slow"},
                       {"method", "GET"},
                       {"path", std::string("/api/deviceGroups/") + kLabGroup},
                       {"delayMs", 2000}});
  auto creating = std::async(std::launch::async, [&] { return cli.run(create_args("la-race")); });
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  put_job(emulator, "la-race", kLabGroup, "Someone else's job");
  const auto result = creating.get();
  INFO(result.err);
  CHECK(result.exit_code == 7);
  CHECK(result.out.empty());
  CHECK(has(result.err, "HTTP 409 JobAlreadyExists"));
  CHECK_FALSE(has(result.err, "Created"));
}
