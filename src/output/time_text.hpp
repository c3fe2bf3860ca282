#pragma once
// Times as people read them on a terminal ("5m ago") and as scripts read them (RFC 3339, as the
// service sent them).

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace iotc::output {

using SystemTime = std::chrono::system_clock::time_point;

// Reads "2022-07-31T10:20:30Z", "2022-07-31T10:20:30.123+02:00" and the like.
std::optional<SystemTime> parse_rfc3339(std::string_view text);

// "just now", "42s ago", "5m ago", "3h ago", "2d ago", "in 4m" (a clock ahead of ours).
std::string relative_time(SystemTime when, SystemTime now);

// "2026-11-27T09:38:55Z": UTC, to the second.
std::string format_rfc3339(SystemTime when);

}  // namespace iotc::output
