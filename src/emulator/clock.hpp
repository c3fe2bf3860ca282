#pragma once
// Emulated time. Jobs run on a Clock: the real clock times a scale (--time-scale), or a manual
// clock that only moves when the admin API advances it, for deterministic tests.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace iotc::emulator {

// Milliseconds since the Unix epoch, in emulated time.
using TimeMs = std::int64_t;

// 9999-12-31T23:59:59.999Z: the last instant RFC 3339 (four-digit years) can write. Emulated
// time never goes past it, so no clock arithmetic can overflow and every time stays printable.
inline constexpr TimeMs kLatestTime = 253'402'300'799'999;
// --time-scale's upper bound: one real second is then 11.6 emulated days, and the clock still
// takes about three real days to reach kLatestTime.
inline constexpr double kMaxTimeScale = 1e6;

class Clock {
 public:
  virtual ~Clock() = default;
  virtual TimeMs now() const = 0;
  // Moves emulated time forward by `delta_ms` (both clocks support it).
  virtual void advance(TimeMs delta_ms) = 0;
  virtual bool is_manual() const = 0;
  virtual double scale() const = 0;
};

// Real time times `scale`, starting at `start` (emulated) now.
class ScaledClock : public Clock {
 public:
  ScaledClock(double scale, TimeMs start);
  TimeMs now() const override;
  void advance(TimeMs delta_ms) override { offset_ms_ += delta_ms; }
  bool is_manual() const override { return false; }
  double scale() const override { return scale_; }

 private:
  double scale_;
  TimeMs start_;
  std::chrono::steady_clock::time_point real_start_;
  std::atomic<TimeMs> offset_ms_{0};
};

// Stands still until advanced.
class ManualClock : public Clock {
 public:
  explicit ManualClock(TimeMs start) : now_(start) {}
  TimeMs now() const override { return now_; }
  void advance(TimeMs delta_ms) override { now_ += delta_ms; }
  bool is_manual() const override { return true; }
  double scale() const override { return 0; }

 private:
  std::atomic<TimeMs> now_;
};

TimeMs wall_clock_now();
// "2021-06-15T05:00:00.000Z"
std::string format_iso8601(TimeMs time);
// "Tue, 15 Jun 2021 05:00:00 GMT" (the spec's date-time-rfc1123, used in error bodies)
std::string format_rfc1123(TimeMs time);
// "1500ms", "10s", "2.5m", "1h30m", "1d", or a bare number of seconds (util/duration.hpp).
// nullopt when malformed or longer than kLatestTime milliseconds (no duration can be longer
// than the clock's range).
std::optional<TimeMs> parse_duration_ms(std::string_view text);

}  // namespace iotc::emulator
