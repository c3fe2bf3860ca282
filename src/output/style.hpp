#pragma once
// ANSI colors, applied only when the Terminal says color is on.

#include <string>
#include <string_view>

namespace iotc::output {

// The escape sequences, for writers that build a line in place.
namespace ansi {
inline constexpr std::string_view kReset = "\x1b[0m";
inline constexpr std::string_view kBold = "\x1b[1m";
inline constexpr std::string_view kDim = "\x1b[2m";
}  // namespace ansi

// The sequence color_status() starts `status` with; empty for a status without a color.
std::string_view status_color(std::string_view status);

// Wraps `text` in the color of a job or device status: green for complete/completed, red for
// failed, yellow for cancelled/stopped, cyan for running; unchanged otherwise or when !enabled.
std::string color_status(std::string_view status, std::string_view text, bool enabled);
std::string bold(std::string_view text, bool enabled);
std::string red(std::string_view text, bool enabled);

}  // namespace iotc::output
