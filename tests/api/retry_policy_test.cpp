#include "api/retry_policy.hpp"

#include <catch2/catch.hpp>

#include "api/retry_after.hpp"
#include "fakes.hpp"

using namespace std::chrono_literals;
using iotc::api::Jitter;
using iotc::api::RetryOptions;
using iotc::api::RetryPolicy;
using iotc::api::StopReason;
using iotc::api::TransportErrorKind;
using iotc::testing::FakeClock;
using iotc::testing::FakeTransport;
using iotc::testing::response;
using iotc::testing::transport_error;

namespace {

iotc::api::Request get_request() {
  iotc::api::Request request;
  request.url = "https://app.example/api/jobs";
  return request;
}

RetryPolicy policy_with(RetryOptions options, double random = 0.5) {
  return RetryPolicy(options, [random] { return random; });
}

}  // namespace

TEST_CASE("retryable statuses are 408, 429 and 5xx only") {
  for (int status : {408, 429, 500, 502, 503, 504, 599})
    CHECK(iotc::api::is_retryable_status(status));
  for (int status : {200, 204, 400, 401, 403, 404, 409, 412, 422, 600}) {
    CHECK_FALSE(iotc::api::is_retryable_status(status));
  }
}

TEST_CASE("full jitter stays within [0, min(cap, base * 2^n)]") {
  RetryOptions options;
  options.base = 500ms;
  options.cap = 8s;
  CHECK(policy_with(options, 0.0).backoff(1, 0ms) == 0ms);
  CHECK(policy_with(options, 0.999999).backoff(1, 0ms) <= 500ms);
  CHECK(policy_with(options, 0.999999).backoff(1, 0ms) >= 499ms);
  CHECK(policy_with(options, 0.999999).backoff(3, 0ms) >= 1999ms);
  CHECK(policy_with(options, 0.999999).backoff(3, 0ms) <= 2000ms);
  CHECK(policy_with(options, 0.5).backoff(2, 0ms) == 500ms);
  // The cap holds, however many retries, without overflow.
  CHECK(policy_with(options, 0.999999).backoff(10, 0ms) <= 8s);
  CHECK(policy_with(options, 0.999999).backoff(1000, 0ms) <= 8s);
  CHECK(policy_with(options, 0.999999).backoff(1000, 0ms) >= 7999ms);
}

TEST_CASE("decorrelated jitter stays within [base, min(cap, 3 * previous)]") {
  RetryOptions options;
  options.jitter = Jitter::decorrelated;
  options.base = 500ms;
  options.cap = 8s;
  CHECK(policy_with(options, 0.0).backoff(1, 0ms) == 500ms);
  CHECK(policy_with(options, 0.999999).backoff(1, 0ms) == 500ms);
  CHECK(policy_with(options, 0.999999).backoff(2, 2s) >= 5999ms);
  CHECK(policy_with(options, 0.999999).backoff(2, 2s) <= 6000ms);
  CHECK(policy_with(options, 0.999999).backoff(5, 6s) == 8s);
}

TEST_CASE("Retry-After in delta-seconds and in all three HTTP-date forms") {
  using iotc::api::parse_retry_after;
  auto now = std::chrono::sys_days(std::chrono::year(1994) / 11 / 6) + 8h + 49min + 30s;
  CHECK(parse_retry_after("120", now) == 120s);
  CHECK(parse_retry_after(" 0 ", now) == 0s);
  CHECK(parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT", now) == 7s);
  CHECK(parse_retry_after("Sunday, 06-Nov-94 08:49:37 GMT", now) == 7s);
  CHECK(parse_retry_after("Sun Nov  6 08:49:37 1994", now) == 7s);
  CHECK(parse_retry_after("Sun, 06 Nov 1994 08:00:00 GMT", now) == 0s);  // in the past
  CHECK_FALSE(parse_retry_after("-5", now));
  // Beyond int64 seconds: as long as any absurd value (issue 12, item 7), not ignored.
  CHECK(parse_retry_after("99999999999999999999999", now) == parse_retry_after("9999999999999", now));
  CHECK(parse_retry_after("99999999999999999999999", now) > 120s);
  CHECK_FALSE(parse_retry_after("soon", now));
  CHECK_FALSE(parse_retry_after("", now));
  CHECK_FALSE(parse_retry_after("Sun, 31 Feb 1994 08:49:37 GMT", now));
}

TEST_CASE("an idempotent request is retried on transport errors, 408, 429 and 5xx") {
  FakeClock clock;
  FakeTransport transport(&clock);
  transport.script = {transport_error(TransportErrorKind::connection_dropped), response(408),
                      response(429), response(503), response(200, "{}")};
  RetryOptions options;
  auto outcome = send_with_retries(transport, get_request(), true, clock.now() + 60s,
                                   policy_with(options), clock);
  CHECK(outcome.stop == StopReason::done);
  CHECK(outcome.retries == 4);
  REQUIRE(std::holds_alternative<iotc::api::Response>(outcome.result));
  CHECK(std::get<iotc::api::Response>(outcome.result).status == 200);
  CHECK(transport.requests.size() == 5);
  // Full jitter at u = 0.5: half of 0.5, 1, 2 and 4 seconds.
  CHECK(clock.sleeps == std::vector<std::chrono::milliseconds>{250ms, 500ms, 1s, 2s});
}

TEST_CASE("answers that retrying cannot change are returned at once") {
  FakeClock clock;
  FakeTransport transport(&clock);
  transport.script = {response(404), response(200)};
  auto outcome =
      send_with_retries(transport, get_request(), true, clock.now() + 60s, policy_with({}), clock);
  CHECK(outcome.stop == StopReason::done);
  CHECK(transport.requests.size() == 1);
  CHECK(clock.sleeps.empty());
}

TEST_CASE("a request not marked idempotent is never retried") {
  FakeClock clock;
  FakeTransport transport(&clock);
  transport.script = {response(503), response(200)};
  auto outcome =
      send_with_retries(transport, get_request(), false, clock.now() + 60s, policy_with({}), clock);
  CHECK(outcome.stop == StopReason::not_idempotent);
  CHECK(transport.requests.size() == 1);
}

TEST_CASE("retries: 0 turns them off and N allows N retries") {
  FakeClock clock;
  FakeTransport transport(&clock);
  transport.handler = [](const iotc::api::Request&) { return response(500); };
  RetryOptions options;
  options.max_retries = 0;
  auto outcome = send_with_retries(transport, get_request(), true, clock.now() + 60s,
                                   policy_with(options), clock);
  CHECK(outcome.stop == StopReason::retries_exhausted);
  CHECK(transport.requests.size() == 1);

  options.max_retries = 2;
  transport.requests.clear();
  outcome = send_with_retries(transport, get_request(), true, clock.now() + 60s,
                              policy_with(options), clock);
  CHECK(outcome.stop == StopReason::retries_exhausted);
  CHECK(outcome.retries == 2);
  CHECK(transport.requests.size() == 3);
}

TEST_CASE("Retry-After is honoured instead of the back-off") {
  FakeClock clock;
  FakeTransport transport(&clock);
  transport.script = {response(429, "", {{"Retry-After", "3"}}), response(200)};
  auto outcome =
      send_with_retries(transport, get_request(), true, clock.now() + 60s, policy_with({}), clock);
  CHECK(outcome.stop == StopReason::done);
  CHECK(clock.sleeps == std::vector<std::chrono::milliseconds>{3s});
}

TEST_CASE("Retry-After as an HTTP-date is measured from the wall clock") {
  FakeClock clock;
  clock.set_wall(std::chrono::sys_days(std::chrono::year(2026) / 11 / 27) + 10h);
  FakeTransport transport(&clock);
  transport.latency = 0ms;
  transport.script = {response(503, "", {{"retry-after", "Fri, 27 Nov 2026 10:00:05 GMT"}}),
                      response(200)};
  send_with_retries(transport, get_request(), true, clock.now() + 60s, policy_with({}), clock);
  CHECK(clock.sleeps == std::vector<std::chrono::milliseconds>{5s});
}

TEST_CASE("a Retry-After past the deadline stops at once instead of sleeping") {
  FakeClock clock;
  FakeTransport transport(&clock);
  transport.script = {response(429, "", {{"Retry-After", "30"}}), response(200)};
  auto outcome =
      send_with_retries(transport, get_request(), true, clock.now() + 10s, policy_with({}), clock);
  CHECK(outcome.stop == StopReason::deadline);
  CHECK(clock.sleeps.empty());
  CHECK(transport.requests.size() == 1);
}

TEST_CASE("a Retry-After longer than the limit gives up with the service's answer") {
  FakeClock clock;
  FakeTransport transport(&clock);
  transport.script = {response(429, "", {{"Retry-After", "3600"}})};
  auto outcome =
      send_with_retries(transport, get_request(), true, clock.now() + 2h, policy_with({}), clock);
  CHECK(outcome.stop == StopReason::retry_after_too_long);
  CHECK(outcome.retry_after == std::chrono::milliseconds(3600s));
}

TEST_CASE("every attempt and sleep fits in one overall deadline") {
  FakeClock clock;
  FakeTransport transport(&clock);
  transport.latency = 2s;
  transport.handler = [](const iotc::api::Request&) { return response(503); };
  RetryOptions options;
  options.max_retries = 100;
  const auto start = clock.now();
  auto outcome = send_with_retries(transport, get_request(), true, start + 10s,
                                   policy_with(options, 0.999), clock);
  CHECK(outcome.stop == StopReason::deadline);
  CHECK(clock.now() - start <= 10s);
  // Each attempt's own timeout is cut to what is left of the deadline.
  for (const auto& request : transport.requests) CHECK(request.timeout <= 10s);
  CHECK(transport.requests.back().timeout < transport.requests.front().timeout);
}

TEST_CASE("the attempt timeout is the smaller of the per-attempt limit and the time left") {
  FakeClock clock;
  FakeTransport transport(&clock);
  transport.script = {response(200)};
  RetryOptions options;
  options.attempt_timeout = 30s;
  send_with_retries(transport, get_request(), true, clock.now() + 5s, policy_with(options), clock);
  CHECK(transport.requests.at(0).timeout == 5s);
  transport.script = {response(200)};
  send_with_retries(transport, get_request(), true, clock.now() + 5min, policy_with(options),
                    clock);
  CHECK(transport.requests.at(1).timeout == 30s);
}

TEST_CASE("a transport timeout at the deadline stops with the deadline") {
  FakeClock clock;
  FakeTransport transport(&clock);
  transport.latency = 5s;
  transport.handler = [](const iotc::api::Request&) {
    return transport_error(TransportErrorKind::timeout);
  };
  auto outcome =
      send_with_retries(transport, get_request(), true, clock.now() + 5s, policy_with({}), clock);
  CHECK(outcome.stop == StopReason::deadline);
  CHECK(transport.requests.size() == 1);
}

TEST_CASE("the observer sees every attempt with its retry number and sleep") {
  FakeClock clock;
  FakeTransport transport(&clock);
  transport.script = {response(500), response(200)};
  std::vector<std::pair<int, bool>> seen;
  send_with_retries(transport, get_request(), true, clock.now() + 60s, policy_with({}), clock,
                    [&](const iotc::api::AttemptInfo& info) {
                      seen.emplace_back(info.retry, info.sleep.has_value());
                    });
  CHECK(seen == std::vector<std::pair<int, bool>>{{0, true}, {1, false}});
}

TEST_CASE("an untrusted certificate is not retried, and a failed connect is, even for a POST") {
  FakeClock clock;
  FakeTransport transport(&clock);
  transport.script = {transport_error(TransportErrorKind::tls), response(200)};
  auto outcome =
      send_with_retries(transport, get_request(), true, clock.now() + 60s, policy_with({}), clock);
  CHECK(outcome.stop == StopReason::done);
  CHECK(transport.requests.size() == 1);

  transport.script = {transport_error(TransportErrorKind::connect_failed), response(200)};
  outcome =
      send_with_retries(transport, get_request(), false, clock.now() + 60s, policy_with({}), clock);
  CHECK(outcome.retries == 1);
  CHECK(std::get<iotc::api::Response>(outcome.result).status == 200);

  transport.script = {transport_error(TransportErrorKind::connection_dropped), response(200)};
  outcome =
      send_with_retries(transport, get_request(), false, clock.now() + 60s, policy_with({}), clock);
  CHECK(outcome.stop == StopReason::not_idempotent);
}
