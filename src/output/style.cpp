#include "output/style.hpp"

namespace iotc::output {
namespace {

constexpr std::string_view kReset = "\x1b[0m";
constexpr std::string_view kBold = "\x1b[1m";
constexpr std::string_view kDim = "\x1b[2m";
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

std::string color_status(std::string_view status, std::string_view text, bool enabled) {
  std::string_view code;
  if (status == "complete" || status == "completed") {
    code = kGreen;
  } else if (status == "failed") {
    code = kRed;
  } else if (status == "cancelled" || status == "stopped") {
    code = kYellow;
  } else if (status == "running") {
    code = kCyan;
  }
  return wrap(code, text, enabled);
}

std::string bold(std::string_view text, bool enabled) {
  return wrap(kBold, text, enabled);
}
std::string red(std::string_view text, bool enabled) {
  return wrap(kRed, text, enabled);
}
std::string dim(std::string_view text, bool enabled) {
  return wrap(kDim, text, enabled);
}

}  // namespace iotc::output
