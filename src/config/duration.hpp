#pragma once
// --timeout, IOTC_TIMEOUT and a profile's timeout: the duration grammar of util/duration.hpp.

#include <chrono>
#include <optional>
#include <string_view>

namespace iotc::config {

// "90" (seconds), "90s", "1500ms", "5m", "1h", "1m30s", "1d"; nullopt when malformed or longer
// than a year (a typo, not a timeout anyone means).
std::optional<std::chrono::milliseconds> parse_duration(std::string_view text);

}  // namespace iotc::config
