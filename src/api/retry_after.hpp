#pragma once
// Retry-After and Date headers (RFC 9110 §10.2.3, §5.6.7): delta-seconds or an HTTP-date in any
// of its three forms.

#include <chrono>
#include <optional>
#include <string_view>

namespace iotc::api {

// An HTTP-date (a Date or Retry-After header): IMF-fixdate "Sun, 06 Nov 1994 08:49:37 GMT",
// RFC 850 and asctime; nullopt when it is none of them.
std::optional<std::chrono::system_clock::time_point> parse_http_date(std::string_view text);

// The wait a Retry-After value asks for: "120" (delta-seconds) or an HTTP-date
// ("Wed, 21 Oct 2015 07:28:00 GMT", also the obsolete RFC 850 and asctime forms). A date in the
// past gives zero. nullopt when the value is neither.
std::optional<std::chrono::milliseconds> parse_retry_after(
    std::string_view value, std::chrono::system_clock::time_point now);

}  // namespace iotc::api
