// The wait loop with a fake transport and a fake clock: the poll interval backs off while
// nothing changes, drops back when the job moves, stays within the timeout; the outcome rules.

#include "cli/waiter.hpp"

#include <catch2/catch.hpp>
#include <sstream>

#include "errors.hpp"
#include "fakes.hpp"

using namespace std::chrono_literals;
using iotc::cli::WaitPlan;
using iotc::cli::WaitResult;
using iotc::model::Json;

namespace {

class NeverInterrupted : public iotc::cli::InterruptFlag {
 public:
  bool raised() const override { return false; }
};

class AlwaysInterrupted : public iotc::cli::InterruptFlag {
 public:
  bool raised() const override { return true; }
};

std::string job(const std::string& status, int completed, int failed = 0, int total = 10) {
  return Json{{"id", "job-1"},
              {"status", status},
              {"progress",
               {{"total", total},
                {"pending", total - completed - failed},
                {"completed", completed},
                {"failed", failed}}}}
      .dump();
}

struct Fixture {
  iotc::testing::FakeClock clock;
  iotc::testing::FakeTransport transport{&clock};
  iotc::api::Tracer tracer;
  NeverInterrupted never;

  iotc::api::Client client() {
    iotc::api::ClientOptions options;
    options.base_url = "http://127.0.0.1:8080";
    options.retry.max_retries = 0;
    return iotc::api::Client(
        options, transport, clock, [] { return 0.5; }, tracer);
  }
  // Answers the polls with `bodies` in turn (the last one again after that), noting when each
  // poll came.
  void answer_with(std::vector<std::string> bodies) {
    transport.handler = [this, bodies](const iotc::api::Request&) {
      poll_times.push_back(clock.now());
      const std::size_t index = std::min(poll_times.size(), bodies.size()) - 1;
      return iotc::api::TransportResult(iotc::testing::response(200, bodies[index]));
    };
  }
  // The pauses between polls, without the fake transport's latency.
  std::vector<std::chrono::milliseconds> pauses() const {
    std::vector<std::chrono::milliseconds> result;
    for (std::size_t i = 1; i < poll_times.size(); ++i) {
      result.push_back(
          std::chrono::duration_cast<std::chrono::milliseconds>(poll_times[i] - poll_times[i - 1]) -
          transport.latency);
    }
    return result;
  }
  std::vector<iotc::api::Clock::time_point> poll_times;
};

}  // namespace

TEST_CASE_METHOD(Fixture, "the poll interval grows while nothing moves and drops back when it does",
                 "[waiter]") {
  answer_with({job("running", 0), job("running", 0), job("running", 0), job("running", 0),
               job("running", 0), job("running", 4), job("complete", 10)});
  auto api = client();
  const WaitResult result =
      iotc::cli::wait_for_job(api, "job-1", WaitPlan{1h, 1000ms}, nullptr, clock, never);
  CHECK(result.progress.status == "complete");
  CHECK(result.progress.completed == 10);
  CHECK(transport.requests.size() == 7);
  // 1 s first; then x1.5 while unchanged, capped at 4 x 1 s; back to 1 s once the job moved.
  CHECK(pauses() ==
        std::vector<std::chrono::milliseconds>{1000ms, 1500ms, 2250ms, 3375ms, 4000ms, 1000ms});
}

TEST_CASE_METHOD(Fixture, "the wait ends with exit 5 at the timeout, never sleeping past it",
                 "[waiter]") {
  transport.handler = [](const iotc::api::Request&) {
    return iotc::testing::response(200, job("running", 3));
  };
  auto api = client();
  const auto start = clock.now();
  CHECK_THROWS_AS(iotc::cli::wait_for_job(api, "job-1", WaitPlan{10s, 2s}, nullptr, clock, never),
                  iotc::WaitTimeoutError);
  CHECK(clock.now() - start < 10s + 1s);  // the last poll's latency at most
  try {
    iotc::cli::wait_for_job(api, "job-1", WaitPlan{10s, 2s}, nullptr, clock, never);
  } catch (const iotc::Error& error) {
    CHECK(error.exit_code() == iotc::ExitCode::wait_timeout);
    CHECK(std::string(error.what()).find("still running after 10s") != std::string::npos);
  }
}

TEST_CASE_METHOD(Fixture, "Ctrl-C stops the wait with exit 130", "[waiter]") {
  transport.handler = [](const iotc::api::Request&) {
    return iotc::testing::response(200, job("running", 3));
  };
  auto api = client();
  AlwaysInterrupted interrupted;
  CHECK_THROWS_AS(
      iotc::cli::wait_for_job(api, "job-1", WaitPlan{1h, 1s}, nullptr, clock, interrupted),
      iotc::InterruptedError);
  CHECK(transport.requests.empty());
}

TEST_CASE_METHOD(Fixture, "progress lines are drawn once per change", "[waiter]") {
  answer_with({job("running", 2), job("running", 2), job("complete", 9, 1)});
  auto api = client();
  std::ostringstream err;
  iotc::output::ProgressDisplay display(err, false, false, 80);
  iotc::cli::wait_for_job(api, "job-1", WaitPlan{1h, 1s}, &display, clock, never);
  CHECK(err.str() == "job-1: running, 2/10 devices\njob-1: complete, 10/10 devices, 1 failed\n");
}

TEST_CASE("the outcome: 0 only when complete with no failed device", "[waiter]") {
  auto result = [](const std::string& status, std::int64_t failed) {
    WaitResult r;
    r.progress = {"job-1", status, 10, 10 - failed, failed};
    return r;
  };
  CHECK_NOTHROW(iotc::cli::check_outcome(result("complete", 0)));
  CHECK_THROWS_AS(iotc::cli::check_outcome(result("complete", 1)), iotc::JobFailedError);
  for (const auto* status : {"failed", "cancelled", "stopped"}) {
    CHECK_THROWS_WITH(iotc::cli::check_outcome(result(status, 0)),
                      Catch::Contains(std::string("ended ") + status));
  }
}

TEST_CASE("the outcome: devices still pending when the job completes are exit 6, counted",
          "[waiter]") {
  WaitResult r;
  r.progress = {"job-1", "complete", 10, 7, 1};  // 2 neither completed nor failed
  CHECK_THROWS_AS(iotc::cli::check_outcome(r), iotc::JobFailedError);
  CHECK_THROWS_WITH(iotc::cli::check_outcome(r),
                    "job job-1 is complete, but 1 of 10 devices failed, 2 still pending");
  r.progress = {"job-1", "complete", 10, 8, 0};
  CHECK_THROWS_WITH(iotc::cli::check_outcome(r),
                    Catch::Contains("0 of 10 devices failed, 2 still pending"));
}

TEST_CASE("the outcome: stopped is what stop --wait asked for", "[waiter]") {
  using iotc::cli::WaitGoal;
  WaitResult r;
  r.progress = {"job-1", "stopped", 10, 4, 1};
  CHECK_NOTHROW(iotc::cli::check_outcome(r, WaitGoal::stopped));
  CHECK_THROWS_AS(iotc::cli::check_outcome(r, WaitGoal::complete), iotc::JobFailedError);
  r.progress = {"job-1", "failed", 10, 4, 6};
  CHECK_THROWS_AS(iotc::cli::check_outcome(r, WaitGoal::stopped), iotc::JobFailedError);
}

TEST_CASE_METHOD(Fixture, "a poll hung past --timeout ends the wait: exit 5 once the job was seen",
                 "[waiter]") {
  // The command's one deadline (--timeout 10s) is the client's too; the polls after the first
  // hang for a minute.
  iotc::api::ClientOptions options;
  options.base_url = "http://127.0.0.1:8080";
  options.retry.max_retries = 0;
  options.timeout = 10s;
  iotc::api::Client api(
      options, transport, clock, [] { return 0.5; }, tracer);
  int polls = 0;
  transport.handler = [&](const iotc::api::Request& request) {
    if (++polls == 1)
      return iotc::api::TransportResult(iotc::testing::response(200, job("running", 3)));
    clock.advance(std::min<std::chrono::milliseconds>(request.timeout, 60s));
    return iotc::api::TransportResult(
        iotc::testing::transport_error(iotc::api::TransportErrorKind::timeout));
  };
  const auto start = clock.now();
  CHECK_THROWS_AS(iotc::cli::wait_for_job(api, "job-1", WaitPlan{10s, 2s}, nullptr, clock, never),
                  iotc::WaitTimeoutError);
  CHECK(clock.now() - start <= 10s + 1s);

  // Never seen at all: the service did not answer, which is a failure (exit 1), not a wait.
  options.timeout = 5s;
  iotc::api::Client fresh(
      options, transport, clock, [] { return 0.5; }, tracer);
  polls = 1;
  CHECK_THROWS_AS(iotc::cli::wait_for_job(fresh, "job-1", WaitPlan{5s, 1s}, nullptr, clock, never),
                  iotc::TimeoutError);
}
