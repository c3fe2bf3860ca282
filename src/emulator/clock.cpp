#include "emulator/clock.hpp"

#include <ctime>
#include <string>

#include "util/duration.hpp"

namespace iotc::emulator {

ScaledClock::ScaledClock(double scale, TimeMs start)
    : scale_(scale), start_(start), real_start_(std::chrono::steady_clock::now()) {}

TimeMs ScaledClock::now() const {
  auto real_elapsed = std::chrono::duration_cast<std::chrono::microseconds>(
                          std::chrono::steady_clock::now() - real_start_)
                          .count();
  // In double, then saturated: an emulated time past kLatestTime is never formed, let alone cast.
  double now = static_cast<double>(start_) + static_cast<double>(real_elapsed) * scale_ / 1000.0 +
               static_cast<double>(offset_ms_.load());
  return now >= static_cast<double>(kLatestTime) ? kLatestTime : static_cast<TimeMs>(now);
}

TimeMs wall_clock_now() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

namespace {
std::tm utc(TimeMs time) {
  std::time_t seconds = static_cast<std::time_t>(time >= 0 ? time / 1000 : (time - 999) / 1000);
  std::tm parts{};
  gmtime_r(&seconds, &parts);
  return parts;
}
}  // namespace

std::string format_iso8601(TimeMs time) {
  std::tm parts = utc(time);
  char text[40];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &parts);
  int millis = static_cast<int>(((time % 1000) + 1000) % 1000);
  char result[48];
  std::snprintf(result, sizeof result, "%s.%03dZ", text, millis);
  return result;
}

std::string format_rfc1123(TimeMs time) {
  std::tm parts = utc(time);
  char text[40];
  std::strftime(text, sizeof text, "%a, %d %b %Y %H:%M:%S GMT", &parts);
  return text;
}

std::optional<TimeMs> parse_duration_ms(std::string_view text) {
  const auto duration = util::parse_duration(text, std::chrono::milliseconds(kLatestTime));
  if (!duration) return std::nullopt;
  return duration->count();
}

}  // namespace iotc::emulator
