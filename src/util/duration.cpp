#include "util/duration.hpp"

#include <charconv>
#include <cmath>

namespace iotc::util {
namespace {

bool is_number_char(char c) {
  return (c >= '0' && c <= '9') || c == '.';
}

bool is_unit_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

std::optional<double> unit_millis(std::string_view unit) {
  if (unit == "ms") return 1;
  if (unit == "s") return 1000;
  if (unit == "m") return 60'000;
  if (unit == "h") return 3'600'000;
  if (unit == "d") return 86'400'000;
  return std::nullopt;
}

}  // namespace

std::optional<std::chrono::milliseconds> parse_duration(std::string_view text,
                                                        std::chrono::milliseconds longest) {
  if (text.empty()) return std::nullopt;
  double total = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t start = i;
    while (i < text.size() && is_number_char(text[i])) ++i;
    double number = 0;
    const auto [end, error] = std::from_chars(text.data() + start, text.data() + i, number);
    if (start == i || error != std::errc() || end != text.data() + i) return std::nullopt;
    const std::size_t unit_start = i;
    while (i < text.size() && is_unit_char(text[i])) ++i;
    const std::string_view unit = text.substr(unit_start, i - unit_start);
    std::optional<double> scale;
    if (unit.empty()) {
      // "5m30" is ambiguous: every part but a lone number needs a unit.
      if (start == 0 && i == text.size()) scale = 1000;
    } else {
      scale = unit_millis(unit);
    }
    if (!scale) return std::nullopt;
    total += number * *scale;
  }
  // Compared as a double, before the cast, so that no length (not even an infinite one) can
  // overflow it; below 2^62 the cast is safe whatever `longest` is.
  constexpr double kCastable = 0x1p62;
  if (!(total <= static_cast<double>(longest.count())) || total >= kCastable) return std::nullopt;
  return std::chrono::milliseconds(std::llround(total));
}

}  // namespace iotc::util
