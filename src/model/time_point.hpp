#pragma once
// Points in time as the API writes them: RFC 3339 date-times with a zone ("2026-12-06T02:00:00Z",
// "...+01:00") and dates ("2026-12-31"). One reader for the whole program: job times shown by
// the output, schedule times checked by the validation and run by the emulator.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace iotc::model {

using SystemTime = std::chrono::system_clock::time_point;

// The years a date or time is read in. SystemTime counts nanoseconds in 64 bits, from 1678 to
// 2262: a year outside them overflows when converted (undefined behaviour), and one near their
// edges overflows in a schedule's arithmetic or in `now - when`. Dates outside are refused.
inline constexpr int kFirstYear = 1900;
inline constexpr int kLastYear = 2199;
// "from 1900 to 2199", for messages.
std::string years_text();

struct ParsedTime {
  std::optional<SystemTime> time;  // nullopt: not a date-time this reader takes
  bool missing_zone = false;       // a date-time that is right but for its zone (no Z or offset)
  bool out_of_range = false;       // a date-time that is right but for its year (kFirstYear...)
};

// Reads "2022-07-31T10:20:30Z", "2022-07-31T10:20:30.123+02:00" and the like (four-digit years;
// 'T', 't' or a space between date and time). A local time without Z or an offset is refused:
// which zone it meant cannot be known (missing_zone tells it apart).
ParsedTime read_rfc3339(std::string_view text);

// Reads "2026-12-31" (the spec's format "date"); nullopt when it is not a calendar date of the
// years kFirstYear to kLastYear.
std::optional<std::chrono::sys_days> read_date(std::string_view text);

// "2026-12-06T02:00:00Z": UTC, to the second.
std::string format_utc(SystemTime when);
// "2026-12-31"
std::string format_date(std::chrono::sys_days day);

}  // namespace iotc::model
