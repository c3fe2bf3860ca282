#include "output/time_text.hpp"

#include <fmt/format.h>

#include <cstdint>

namespace iotc::output {
namespace {

// Reads exactly `digits` decimal digits at text[pos]; advances pos.
std::optional<int> read_number(std::string_view text, std::size_t& pos, std::size_t digits) {
  if (pos + digits > text.size()) return std::nullopt;
  int value = 0;
  for (std::size_t i = 0; i < digits; ++i) {
    const char c = text[pos + i];
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  pos += digits;
  return value;
}

bool expect(std::string_view text, std::size_t& pos, std::string_view chars) {
  if (pos >= text.size() || chars.find(text[pos]) == std::string_view::npos) return false;
  ++pos;
  return true;
}

}  // namespace

std::optional<SystemTime> parse_rfc3339(std::string_view text) {
  using namespace std::chrono;
  std::size_t pos = 0;
  const auto year = read_number(text, pos, 4);
  if (!year || !expect(text, pos, "-")) return std::nullopt;
  const auto month = read_number(text, pos, 2);
  if (!month || !expect(text, pos, "-")) return std::nullopt;
  const auto day = read_number(text, pos, 2);
  if (!day || !expect(text, pos, "Tt ")) return std::nullopt;
  const auto hour = read_number(text, pos, 2);
  if (!hour || !expect(text, pos, ":")) return std::nullopt;
  const auto minute = read_number(text, pos, 2);
  if (!minute || !expect(text, pos, ":")) return std::nullopt;
  const auto second = read_number(text, pos, 2);
  if (!second) return std::nullopt;
  std::int64_t millis = 0;
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    int scale = 100;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
      millis += (text[pos] - '0') * scale;
      scale /= 10;
      ++pos;
    }
  }
  int offset_minutes = 0;
  if (pos < text.size() && (text[pos] == 'Z' || text[pos] == 'z')) {
    ++pos;
  } else if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) {
    const int sign = text[pos] == '-' ? -1 : 1;
    ++pos;
    const auto off_hour = read_number(text, pos, 2);
    if (!off_hour || !expect(text, pos, ":")) return std::nullopt;
    const auto off_minute = read_number(text, pos, 2);
    if (!off_minute) return std::nullopt;
    offset_minutes = sign * (*off_hour * 60 + *off_minute);
  } else {
    return std::nullopt;
  }
  if (pos != text.size()) return std::nullopt;
  const year_month_day date{std::chrono::year(*year), std::chrono::month(*month),
                            std::chrono::day(*day)};
  if (!date.ok() || *hour > 23 || *minute > 59 || *second > 60) return std::nullopt;
  return sys_days(date) + hours(*hour) + minutes(*minute) + seconds(*second) +
         milliseconds(millis) - minutes(offset_minutes);
}

std::string relative_time(SystemTime when, SystemTime now) {
  using namespace std::chrono;
  const auto delta = duration_cast<seconds>(now - when).count();
  const bool future = delta < 0;
  const std::int64_t magnitude = future ? -delta : delta;
  if (magnitude < 5) return "just now";
  std::string amount;
  if (magnitude < 60) {
    amount = fmt::format("{}s", magnitude);
  } else if (magnitude < 3600) {
    amount = fmt::format("{}m", magnitude / 60);
  } else if (magnitude < 86400) {
    amount = fmt::format("{}h", magnitude / 3600);
  } else {
    amount = fmt::format("{}d", magnitude / 86400);
  }
  return future ? "in " + amount : amount + " ago";
}

std::string format_rfc3339(SystemTime when) {
  using namespace std::chrono;
  const auto day_point = floor<days>(when);
  const year_month_day date{day_point};
  const hh_mm_ss time{floor<seconds>(when - day_point)};
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", static_cast<int>(date.year()),
                     static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                     time.hours().count(), time.minutes().count(), time.seconds().count());
}

}  // namespace iotc::output
