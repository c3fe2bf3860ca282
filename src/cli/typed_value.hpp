#pragma once
// The VALUE of --set, --call and --set-cloud: JSON when the text parses, else the text itself.
//
// Two kinds of text would otherwise change type or value in silence, and are refused (a usage
// error showing the forms to choose from): a number whose text a JSON reader would not keep as
// typed (1.10 arrives as 1.1, 007 as the string "007", integers beyond 2^53 lose digits), and
// text that starts like JSON ([, {, ") but does not parse ([1,2 would be the string "[1,2").
// A name or value that is not UTF-8 is refused too: JSON cannot carry it.

#include <string_view>

#include "model/job.hpp"

namespace iotc::cli {

// `flag` and `name` ("--set", "fw") only name the value in a refusal.
model::Json parse_value(std::string_view flag, std::string_view name, std::string_view text);

// "a number", "a string", ...: the JSON type of `value`, for --dry-run.
std::string_view json_type_name(const model::Json& value);

}  // namespace iotc::cli
