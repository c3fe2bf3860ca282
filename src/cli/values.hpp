#pragma once
// The values that command-line flags carry, parsed the same way everywhere.

#include <chrono>
#include <string>
#include <string_view>
#include <utility>

#include "cli/typed_value.hpp"
#include "model/job.hpp"

namespace iotc::cli {

using Json = iotc::model::Json;

// "PATH=VALUE" split at the first '=', VALUE read by parse_value (typed_value.hpp). Throws
// UsageError (naming `flag`) when there is no '=', the PATH is empty, or VALUE is refused.
std::pair<std::string, Json> parse_assignment(std::string_view flag, std::string_view text);

// "NAME" or "NAME=VALUE" (--call): the value is absent without '='.
std::pair<std::string, std::optional<Json>> parse_call(std::string_view text);

// --batch / --cancel-threshold: "10" -> {"type":"number","value":10}, "25%" or "12.5%" ->
// {"type":"percentage","value":25}. Ranges are checked with the rest of the payload; this only
// rejects text that is not a number. Throws UsageError naming `flag`.
Json parse_size(std::string_view flag, std::string_view text);

// --interval, --start now+…: "90s", "5m", "1h30m", "500ms", "1d", or a bare number of seconds
// (util/duration.hpp). Throws UsageError naming `flag` when malformed or zero.
std::chrono::milliseconds parse_duration_flag(std::string_view flag, std::string_view text);

}  // namespace iotc::cli
