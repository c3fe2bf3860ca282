#pragma once
// Reading JSON text that comes from outside (job files, responses, request bodies) safely.
//
// nlohmann's parser is iterative, but copying, comparing and dumping a value recurse once per
// level of nesting: a 140 KB document of nested arrays overflows an 8 MB stack (a 10 KB one
// under AddressSanitizer). No job payload or service answer nests anywhere near kMaxJsonDepth,
// so deeper text is refused before it is parsed.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "model/job.hpp"

namespace iotc::model {

inline constexpr std::size_t kMaxJsonDepth = 100;

// True when no array or object in `text` nests deeper than `max_depth` (brackets inside strings
// do not count). Meant for text about to be parsed: on text that is not JSON it may say anything.
bool json_depth_within(std::string_view text, std::size_t max_depth = kMaxJsonDepth);

// What a parser error says, for people: "line 1, column 2: syntax error while parsing object key
// - invalid literal; ...", without nlohmann's "[json.exception.parse_error.101] parse error at ".
std::string json_error_text(const Json::exception& error);

// The JSON document `text`, or nullopt when it is not JSON or nests deeper than kMaxJsonDepth.
// Never throws.
std::optional<Json> parse_json(std::string_view text);

}  // namespace iotc::model
