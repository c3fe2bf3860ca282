#pragma once
// ANSI colors, applied only when the Terminal says color is on.

#include <string>
#include <string_view>

namespace iotc::output {

// Wraps `text` in the color of a job or device status: green for complete/completed, red for
// failed, yellow for cancelled/stopped, cyan for running; unchanged otherwise or when !enabled.
std::string color_status(std::string_view status, std::string_view text, bool enabled);
std::string bold(std::string_view text, bool enabled);
std::string red(std::string_view text, bool enabled);
std::string dim(std::string_view text, bool enabled);

}  // namespace iotc::output
