#include "emulator/rate_limit.hpp"

#include <algorithm>

namespace iotc::emulator {

bool RateLimiter::admit() {
  if (!enabled()) return true;
  std::lock_guard lock(mutex_);
  auto now = std::chrono::steady_clock::now();
  double elapsed = std::chrono::duration<double>(now - last_).count();
  last_ = now;
  tokens_ = std::min(per_second_, tokens_ + elapsed * per_second_);
  if (tokens_ < 1.0) return false;
  tokens_ -= 1.0;
  return true;
}

}  // namespace iotc::emulator
