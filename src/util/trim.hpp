#pragma once
// Cutting whitespace off both ends of a piece of text.

#include <string_view>

namespace iotc::util {

// What std::isspace calls whitespace in the "C" locale, which the programs never leave.
inline constexpr std::string_view kAsciiWhitespace = " \t\n\v\f\r";

// `text` without the characters of `whitespace` at either end; a view into `text`.
std::string_view trim(std::string_view text, std::string_view whitespace = kAsciiWhitespace);

}  // namespace iotc::util
