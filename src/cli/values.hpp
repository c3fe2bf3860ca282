#pragma once
// The values that command-line flags carry, parsed the same way everywhere.

#include <chrono>
#include <string>
#include <string_view>
#include <utility>

#include "model/job.hpp"

namespace iotc::cli {

using Json = iotc::model::Json;

// VALUE of --set/--call/--set-cloud: JSON when the whole text parses as JSON (56, true, null,
// {"a":1}, "56" with its quotes), else the text itself as a string (Contoso, 2021-06-15).
Json parse_value(std::string_view text);

// "PATH=VALUE" split at the first '='. Throws UsageError (naming `flag`) when there is no '=' or
// the PATH is empty.
std::pair<std::string, Json> parse_assignment(std::string_view flag, std::string_view text);

// "NAME" or "NAME=VALUE" (--call): the value is absent without '='.
std::pair<std::string, std::optional<Json>> parse_call(std::string_view text);

// --batch / --cancel-threshold: "10" -> {"type":"number","value":10}, "25%" or "12.5%" ->
// {"type":"percentage","value":25}. Ranges are checked with the rest of the payload; this only
// rejects text that is not a number. Throws UsageError naming `flag`.
Json parse_size(std::string_view flag, std::string_view text);

// --timeout / --interval: "90s", "5m", "1h30m", "500ms", or a bare number of seconds. Throws
// UsageError naming `flag` when malformed or zero.
std::chrono::milliseconds parse_duration_flag(std::string_view flag, std::string_view text);

}  // namespace iotc::cli
