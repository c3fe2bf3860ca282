#pragma once
// When and how long to wait before sending a request again.
//
// Only requests the caller marks idempotent are retried (GET, the PUTs whose id the caller
// chose, stop and resume): sending them twice leaves the service as sending them once (any
// request is retried when it never left: DNS or connect failures). They are retried on a
// transport error (but not an untrusted certificate or an abort), 408, 429 and 5xx, after an
// exponential back-off with jitter, or
// after the service's Retry-After (delta-seconds or HTTP-date) when it sends one. Every attempt
// and every sleep stays inside one deadline. The defaults and their reasons: src/defaults.hpp.

#include <chrono>
#include <functional>
#include <optional>
#include <string_view>

#include "api/clock.hpp"
#include "api/transport.hpp"
#include "defaults.hpp"

namespace iotc::api {

enum class Jitter {
  full,          // sleep = random(0, min(cap, base * 2^retry))
  decorrelated,  // sleep = min(cap, random(base, 3 * previous sleep))
};

struct RetryOptions {
  int max_retries = defaults::kRetries;  // retries after the first attempt; 0: no retries
  std::chrono::milliseconds base = defaults::kBackoffBase;
  std::chrono::milliseconds cap = defaults::kBackoffCap;
  std::chrono::milliseconds retry_after_max = defaults::kRetryAfterMax;
  std::chrono::milliseconds attempt_timeout = defaults::kAttemptTimeout;
  Jitter jitter = Jitter::full;
};

// 408, 429, 500-599.
bool is_retryable_status(int status);

class RetryPolicy {
 public:
  RetryPolicy(RetryOptions options, UniformRandom random);

  const RetryOptions& options() const { return options_; }
  // The same policy with `max_retries` retries: what is left of a budget shared by several
  // sends.
  RetryPolicy with_max_retries(int max_retries) const;
  // The back-off before retry number `retry` (1 for the first retry); `previous` is the sleep
  // before the previous retry (zero for the first), for decorrelated jitter. In [0, cap].
  std::chrono::milliseconds backoff(int retry, std::chrono::milliseconds previous) const;

 private:
  RetryOptions options_;
  UniformRandom random_;
};

// Which failed attempts may be sent again.
enum class Resend {
  // Only when nothing reached the service (DNS or connect failures).
  never,
  // On every failure worth retrying: the request is idempotent.
  always,
  // Only when nothing reached the service or the service said it did not act on it (408, 429).
  // An answer lost after the request went out (a 5xx, a timeout, a dropped connection) stops
  // with StopReason::answer_lost, for the caller to find out what happened before sending it
  // again (a create: does the resource exist now?).
  unless_answer_lost,
};

// Why send_with_retries stopped.
enum class StopReason {
  done,                  // a success, or an answer that is not worth retrying (e.g. 404)
  not_idempotent,        // would have retried, but the request is not safe to repeat
  answer_lost,           // Resend::unless_answer_lost: the request went out, its answer was lost
  retries_exhausted,     // max_retries reached
  deadline,              // the deadline passed, or the next wait would cross it
  retry_after_too_long,  // the service asked for a wait longer than retry_after_max
};

struct SendOutcome {
  TransportResult result;  // the last attempt's answer or error
  int retries = 0;         // attempts after the first
  StopReason stop = StopReason::done;
  std::optional<std::chrono::milliseconds> retry_after;  // the last Retry-After asked for
};

// What an observer (the tracer) learns after each attempt.
struct AttemptInfo {
  const Request& request;
  const TransportResult& result;
  std::chrono::milliseconds elapsed;
  int retry;                                       // 0 for the first attempt
  std::optional<std::chrono::milliseconds> sleep;  // the wait before the next attempt, if any
};
using AttemptObserver = std::function<void(const AttemptInfo&)>;

// Sends `request` until it gets an answer that is not worth retrying, the retries run out, or
// the deadline comes. Each attempt's Request::timeout is the attempt timeout, cut to what is
// left before the deadline. Never throws for network problems.
SendOutcome send_with_retries(Transport& transport, Request request, Resend resend,
                              Clock::time_point deadline, const RetryPolicy& policy, Clock& clock,
                              const AttemptObserver& observer = {});
// `idempotent`: Resend::always, else Resend::never.
SendOutcome send_with_retries(Transport& transport, Request request, bool idempotent,
                              Clock::time_point deadline, const RetryPolicy& policy, Clock& clock,
                              const AttemptObserver& observer = {});

}  // namespace iotc::api
