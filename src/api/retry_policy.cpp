#include "api/retry_policy.hpp"

#include <algorithm>
#include <cmath>

#include "api/retry_after.hpp"

namespace iotc::api {
namespace {

using std::chrono::milliseconds;

bool worth_retrying(const TransportResult& result) {
  if (const auto* error = std::get_if<TransportError>(&result)) {
    // A certificate that is not trusted stays untrusted, Ctrl-C means stop, and an answer too
    // large to read would be as large again.
    return error->kind != TransportErrorKind::aborted && error->kind != TransportErrorKind::tls &&
           error->kind != TransportErrorKind::too_large;
  }
  return is_retryable_status(std::get<Response>(result).status);
}

// Nothing reached the service: even a request that is not idempotent may be sent again.
bool nothing_sent(const TransportResult& result) {
  const auto* error = std::get_if<TransportError>(&result);
  return error && (error->kind == TransportErrorKind::dns ||
                   error->kind == TransportErrorKind::connect_failed);
}

// The service says it did not act on the request: a timeout waiting for it, or a throttle.
bool refused_unprocessed(const TransportResult& result) {
  const auto* response = std::get_if<Response>(&result);
  return response && (response->status == 408 || response->status == 429);
}

std::optional<milliseconds> retry_after_of(const TransportResult& result, const Clock& clock) {
  const auto* response = std::get_if<Response>(&result);
  if (!response) return std::nullopt;
  std::optional<std::string_view> header = response->headers.get("Retry-After");
  if (!header) return std::nullopt;
  return parse_retry_after(*header, clock.wall_now());
}

}  // namespace

bool is_retryable_status(int status) {
  return status == 408 || status == 429 || (status >= 500 && status <= 599);
}

RetryPolicy::RetryPolicy(RetryOptions options, UniformRandom random)
    : options_(options), random_(std::move(random)) {}

RetryPolicy RetryPolicy::with_max_retries(int max_retries) const {
  RetryOptions options = options_;
  options.max_retries = max_retries;
  return RetryPolicy(options, random_);
}

milliseconds RetryPolicy::backoff(int retry, milliseconds previous) const {
  const double cap = static_cast<double>(options_.cap.count());
  const double base = static_cast<double>(options_.base.count());
  const double u = std::clamp(random_(), 0.0, 1.0);
  double sleep = 0;
  if (options_.jitter == Jitter::full) {
    // base * 2^(retry-1), computed so that a large retry number cannot overflow.
    double ceiling = std::min(cap, base * std::pow(2.0, std::min(retry - 1, 62)));
    sleep = u * ceiling;
  } else {
    double low = base;
    double high = std::max(base, 3.0 * static_cast<double>(previous.count()));
    sleep = std::min(cap, low + u * (high - low));
  }
  return milliseconds(static_cast<long long>(std::clamp(sleep, 0.0, cap)));
}

SendOutcome send_with_retries(Transport& transport, Request request, bool idempotent,
                              Clock::time_point deadline, const RetryPolicy& policy, Clock& clock,
                              const AttemptObserver& observer) {
  return send_with_retries(transport, std::move(request), idempotent ? Resend::always : Resend::never,
                           deadline, policy, clock, observer);
}

SendOutcome send_with_retries(Transport& transport, Request request, Resend resend,
                              Clock::time_point deadline, const RetryPolicy& policy, Clock& clock,
                              const AttemptObserver& observer) {
  const RetryOptions& options = policy.options();
  SendOutcome outcome;
  outcome.result = TransportError{TransportErrorKind::timeout, "the deadline passed"};
  milliseconds previous_sleep{0};
  for (int retry = 0;; ++retry) {
    const Clock::time_point start = clock.now();
    if (start >= deadline) {
      outcome.stop = StopReason::deadline;
      return outcome;
    }
    auto remaining = std::chrono::ceil<milliseconds>(deadline - start);
    request.timeout = std::max(milliseconds(1), std::min(options.attempt_timeout, remaining));
    outcome.result = transport.send(request);
    outcome.retries = retry;
    const auto elapsed = std::chrono::duration_cast<milliseconds>(clock.now() - start);

    std::optional<milliseconds> sleep;
    if (!worth_retrying(outcome.result)) {
      outcome.stop = StopReason::done;
    } else if (clock.now() >= deadline) {
      outcome.stop = StopReason::deadline;
    } else if (resend == Resend::never && !nothing_sent(outcome.result)) {
      outcome.stop = StopReason::not_idempotent;
    } else if (resend == Resend::unless_answer_lost && !nothing_sent(outcome.result) &&
               !refused_unprocessed(outcome.result)) {
      outcome.stop = StopReason::answer_lost;
    } else if (retry >= options.max_retries) {
      outcome.stop = StopReason::retries_exhausted;
    } else {
      outcome.retry_after = retry_after_of(outcome.result, clock);
      if (outcome.retry_after && *outcome.retry_after > options.retry_after_max) {
        outcome.stop = StopReason::retry_after_too_long;
      } else {
        sleep =
            outcome.retry_after ? *outcome.retry_after : policy.backoff(retry + 1, previous_sleep);
        if (clock.now() + *sleep >= deadline) {
          outcome.stop = StopReason::deadline;
          sleep.reset();
        }
      }
    }
    if (observer) observer(AttemptInfo{request, outcome.result, elapsed, retry, sleep});
    if (!sleep) return outcome;
    clock.sleep_for(*sleep);
    previous_sleep = *sleep;
  }
}

}  // namespace iotc::api
