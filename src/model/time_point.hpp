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

struct ParsedTime {
  std::optional<SystemTime> time;  // nullopt: not a date-time this reader takes
  bool missing_zone = false;       // a date-time that is right but for its zone (no Z or offset)
};

// Reads "2022-07-31T10:20:30Z", "2022-07-31T10:20:30.123+02:00" and the like (four-digit years;
// 'T', 't' or a space between date and time). A local time without Z or an offset is refused:
// which zone it meant cannot be known (missing_zone tells it apart).
ParsedTime read_rfc3339(std::string_view text);

// Reads "2026-12-31" (the spec's format "date"); nullopt when it is not a calendar date.
std::optional<std::chrono::sys_days> read_date(std::string_view text);

// "2026-12-06T02:00:00Z": UTC, to the second.
std::string format_utc(SystemTime when);
// "2026-12-31"
std::string format_date(std::chrono::sys_days day);

}  // namespace iotc::model
