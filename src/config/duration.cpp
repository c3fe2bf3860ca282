#include <cctype>
#include <charconv>
#include <cmath>

#include "config/settings.hpp"

namespace iotc::config {

std::optional<std::chrono::milliseconds> parse_duration(std::string_view text) {
  if (text.empty()) return std::nullopt;
  double total_ms = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t start = i;
    while (i < text.size() &&
           (std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == '.')) {
      ++i;
    }
    double number = 0;
    auto [end, error] = std::from_chars(text.data() + start, text.data() + i, number);
    if (start == i || error != std::errc() || end != text.data() + i) return std::nullopt;
    std::size_t unit_start = i;
    while (i < text.size() && std::isalpha(static_cast<unsigned char>(text[i]))) ++i;
    std::string_view unit = text.substr(unit_start, i - unit_start);
    double scale = 0;
    if (unit.empty()) {
      if (i != text.size() || start != 0) return std::nullopt;  // a bare number is seconds
      scale = 1000;
    } else if (unit == "ms") {
      scale = 1;
    } else if (unit == "s") {
      scale = 1000;
    } else if (unit == "m") {
      scale = 60'000;
    } else if (unit == "h") {
      scale = 3'600'000;
    } else {
      return std::nullopt;
    }
    total_ms += number * scale;
  }
  constexpr double kMaxMs = 365.0 * 24 * 3'600'000;  // a year: anything longer is a typo
  if (!std::isfinite(total_ms) || total_ms > kMaxMs) return std::nullopt;
  return std::chrono::milliseconds(static_cast<long long>(std::llround(total_ms)));
}

}  // namespace iotc::config
