#pragma once
// The service's throttle (20 requests per second per app), opt-in with --rate-limit: a token
// bucket that holds `per_second` requests and refills at that rate, in real time.

#include <chrono>
#include <mutex>

namespace iotc::emulator {

class RateLimiter {
 public:
  explicit RateLimiter(double per_second) : per_second_(per_second), tokens_(per_second) {}
  bool enabled() const { return per_second_ > 0; }
  // True when the request may go on; false when it is over the limit.
  bool admit();

 private:
  std::mutex mutex_;
  double per_second_;
  double tokens_;
  std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
};

}  // namespace iotc::emulator
