#pragma once
// Case in ASCII only: header names, URL schemes and hosts, auth schemes and keywords are ASCII,
// and a byte outside it is never folded (as std::tolower does in the "C" locale).

#include <string>
#include <string_view>

namespace iotc::util {

char to_lower_ascii(char c);
std::string to_lower_ascii(std::string_view text);

// "Content-Type" and "content-type" are equal.
bool iequals(std::string_view a, std::string_view b);
// "Bearer eyJ..." starts with "bearer".
bool starts_with_ignoring_case(std::string_view text, std::string_view prefix);

}  // namespace iotc::util
