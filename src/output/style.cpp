#include "output/style.hpp"

namespace iotc::output {
namespace {

using ansi::kBold;
using ansi::kReset;
constexpr std::string_view kRed = "\x1b[31m";
constexpr std::string_view kGreen = "\x1b[32m";
constexpr std::string_view kYellow = "\x1b[33m";
constexpr std::string_view kCyan = "\x1b[36m";

std::string wrap(std::string_view code, std::string_view text, bool enabled) {
  if (!enabled || code.empty()) return std::string(text);
  std::string out(code);
  out += text;
  out += kReset;
  return out;
}

}  // namespace

std::string_view status_color(std::string_view status) {
  if (status == "complete" || status == "completed") return kGreen;
  if (status == "failed") return kRed;
  if (status == "cancelled" || status == "stopped") return kYellow;
  if (status == "running") return kCyan;
  return {};
}

std::string color_status(std::string_view status, std::string_view text, bool enabled) {
  return wrap(status_color(status), text, enabled);
}

std::string bold(std::string_view text, bool enabled) {
  return wrap(kBold, text, enabled);
}
std::string red(std::string_view text, bool enabled) {
  return wrap(kRed, text, enabled);
}

}  // namespace iotc::output
