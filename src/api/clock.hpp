#pragma once
// Time and randomness, injected so that retries, deadlines and polls are testable without
// sleeping (tests use a fake clock that advances when "slept").

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <random>
#include <thread>

namespace iotc::api {

class Clock {
 public:
  using time_point = std::chrono::steady_clock::time_point;
  virtual ~Clock() = default;
  // Monotonic time, for deadlines and durations.
  virtual time_point now() const = 0;
  // Wall-clock time, only to read an HTTP-date Retry-After.
  virtual std::chrono::system_clock::time_point wall_now() const = 0;
  virtual void sleep_for(std::chrono::milliseconds duration) = 0;
};

class SystemClock : public Clock {
 public:
  time_point now() const override { return std::chrono::steady_clock::now(); }
  std::chrono::system_clock::time_point wall_now() const override {
    return std::chrono::system_clock::now();
  }
  void sleep_for(std::chrono::milliseconds duration) override {
    std::this_thread::sleep_for(duration);
  }
};

// A source of uniformly distributed numbers in [0, 1): jitter and request ids.
using UniformRandom = std::function<double()>;

// A UniformRandom seeded from std::random_device.
inline UniformRandom system_random() {
  auto engine = std::make_shared<std::mt19937_64>(std::random_device{}());
  return [engine] { return std::uniform_real_distribution<double>(0.0, 1.0)(*engine); };
}

}  // namespace iotc::api
