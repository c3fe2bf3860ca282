#include "model/time_point.hpp"

#include <cstdint>
#include <cstdio>

namespace iotc::model {
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

std::optional<std::chrono::year_month_day> read_ymd(std::string_view text, std::size_t& pos) {
  const auto year = read_number(text, pos, 4);
  if (!year || !expect(text, pos, "-")) return std::nullopt;
  const auto month = read_number(text, pos, 2);
  if (!month || !expect(text, pos, "-")) return std::nullopt;
  const auto day = read_number(text, pos, 2);
  if (!day) return std::nullopt;
  const std::chrono::year_month_day date{std::chrono::year(*year),
                                         std::chrono::month(static_cast<unsigned>(*month)),
                                         std::chrono::day(static_cast<unsigned>(*day))};
  if (!date.ok()) return std::nullopt;
  return date;
}

bool within_years(const std::chrono::year_month_day& date) {
  return date.year() >= std::chrono::year(kFirstYear) &&
         date.year() <= std::chrono::year(kLastYear);
}

}  // namespace

ParsedTime read_rfc3339(std::string_view text) {
  using namespace std::chrono;
  std::size_t pos = 0;
  const auto date = read_ymd(text, pos);
  if (!date || !expect(text, pos, "Tt ")) return {};
  const auto hour = read_number(text, pos, 2);
  if (!hour || !expect(text, pos, ":")) return {};
  const auto minute = read_number(text, pos, 2);
  if (!minute || !expect(text, pos, ":")) return {};
  const auto second = read_number(text, pos, 2);
  if (!second) return {};
  std::int64_t millis = 0;
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    const std::size_t first_digit = pos;
    int scale = 100;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
      millis += (text[pos] - '0') * scale;
      scale /= 10;
      ++pos;
    }
    if (pos == first_digit) return {};
  }
  if (*hour > 23 || *minute > 59 || *second > 60) return {};
  int offset_minutes = 0;
  if (pos == text.size()) return {std::nullopt, true};
  if (text[pos] == 'Z' || text[pos] == 'z') {
    ++pos;
  } else if (text[pos] == '+' || text[pos] == '-') {
    const int sign = text[pos] == '-' ? -1 : 1;
    ++pos;
    const auto off_hour = read_number(text, pos, 2);
    if (!off_hour || !expect(text, pos, ":")) return {};
    const auto off_minute = read_number(text, pos, 2);
    if (!off_minute || *off_hour > 23 || *off_minute > 59) return {};
    offset_minutes = sign * (*off_hour * 60 + *off_minute);
  } else {
    return {};
  }
  if (pos != text.size()) return {};
  if (!within_years(*date)) return {std::nullopt, false, true};
  return {sys_days(*date) + hours(*hour) + minutes(*minute) + seconds(*second) +
              milliseconds(millis) - minutes(offset_minutes),
          false, false};
}

std::string years_text() {
  return "from " + std::to_string(kFirstYear) + " to " + std::to_string(kLastYear);
}

std::optional<std::chrono::sys_days> read_date(std::string_view text) {
  std::size_t pos = 0;
  const auto date = read_ymd(text, pos);
  if (!date || pos != text.size() || !within_years(*date)) return std::nullopt;
  return std::chrono::sys_days(*date);
}

std::string format_utc(SystemTime when) {
  using namespace std::chrono;
  const auto day_point = floor<days>(when);
  const year_month_day date{day_point};
  const hh_mm_ss time{floor<seconds>(when - day_point)};
  char text[32];
  std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count()),
                static_cast<int>(time.seconds().count()));
  return text;
}

std::string format_date(std::chrono::sys_days day) {
  const std::chrono::year_month_day date{day};
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return text;
}

}  // namespace iotc::model
