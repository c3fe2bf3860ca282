#pragma once
// Faults injected into the next N matching service requests, through the admin API, so that
// clients can be tested against throttling, server errors, slow answers and broken connections.

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/job.hpp"

namespace iotc::emulator {

enum class FaultKind {
  throttle,                      // "429": 429 with Retry-After
  throttle_without_retry_after,  // "429-no-retry-after"
  internal_error,                // "500"
  unavailable,                   // "503"
  unauthorized,                  // "401": the token refused, as when it expires or is revoked
  slow,                          // "slow": answer normally after delayMs
  drop,                          // "drop": close the connection without answering
  truncate,                      // "truncate": send half of the body, then close
};

inline constexpr int kDefaultRetryAfterSeconds = 1;
inline constexpr int kDefaultFaultDelayMs = 2000;
// The ranges a fault's numbers must be in (400 otherwise). count and retryAfter: what an int
// holds; delayMs: an hour, as a slow answer holds its connection's thread that long.
inline constexpr int kMaxFaultCount = 2'147'483'647;
inline constexpr int kMaxRetryAfterSeconds = 2'147'483'647;
inline constexpr int kMaxFaultDelayMs = 3'600'000;

struct Fault {
  std::int64_t id = 0;
  FaultKind kind = FaultKind::internal_error;
  std::optional<std::string> method;  // none: any method
  std::string path_prefix = "/api/";  // matches request paths that start with it
  int remaining = 1;
  int retry_after_seconds = kDefaultRetryAfterSeconds;
  int delay_ms = kDefaultFaultDelayMs;
};

// The kind's name in the admin API and the request log ("429", "slow", ...).
std::string_view to_string(FaultKind kind);
std::optional<FaultKind> parse_fault_kind(std::string_view name);

// Reads {"kind", "method", "path", "count", "retryAfter", "delayMs"}; throws ApiError (400).
Fault fault_from_json(const iotc::model::Json& json);
iotc::model::Json to_json(const Fault& fault);

// Thread-safe: taken from the HTTP threads before the state lock.
class FaultList {
 public:
  Fault add(Fault fault);
  // The first fault matching the request, with one use consumed.
  std::optional<Fault> take(const std::string& method, const std::string& path);
  std::vector<Fault> list() const;
  void clear();

 private:
  mutable std::mutex mutex_;
  std::vector<Fault> faults_;
  std::int64_t next_id_ = 1;
};

}  // namespace iotc::emulator
