#include "cli/values.hpp"

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdint>

#include "errors.hpp"

namespace iotc::cli {
namespace {

std::string quoted(std::string_view text) {
  return "'" + std::string(text) + "'";
}

std::optional<double> parse_number(std::string_view text) {
  if (text.empty()) return std::nullopt;
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

Json number_json(double value) {
  // 25 stays an integer on the wire; 12.5 stays a fraction.
  if (std::trunc(value) == value && std::fabs(value) < 1e15) {
    return Json(static_cast<std::int64_t>(value));
  }
  return Json(value);
}

// One "<number><unit>" part of a duration, in milliseconds.
std::optional<double> unit_millis(std::string_view unit) {
  if (unit == "ms") return 1;
  if (unit == "s" || unit.empty()) return 1000;
  if (unit == "m") return 60'000;
  if (unit == "h") return 3'600'000;
  return std::nullopt;
}

// A property path or command name is an identifier in the device template: a control
// character in it (an escape, a newline) is a typing or pasting accident, and the service would
// store it and show it back to every terminal.
void check_name(std::string_view flag, std::string_view name) {
  for (const char c : name) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7f) {
      throw UsageError(std::string(flag) + ": the name before '=' holds a control character " +
                       "(such as an escape or a line break); a property path or command name " +
                       "cannot");
    }
  }
}

}  // namespace

std::pair<std::string, Json> parse_assignment(std::string_view flag, std::string_view text) {
  const auto equals = text.find('=');
  if (equals == std::string_view::npos || equals == 0) {
    throw UsageError(std::string(flag) + ": expected PATH=VALUE, got " + quoted(text));
  }
  const std::string_view path = text.substr(0, equals);
  check_name(flag, path);
  return {std::string(path), parse_value(flag, path, text.substr(equals + 1))};
}

std::pair<std::string, std::optional<Json>> parse_call(std::string_view text) {
  const auto equals = text.find('=');
  if (equals == 0 || text.empty()) {
    throw UsageError("--call: expected NAME or NAME=VALUE, got " + quoted(text));
  }
  check_name("--call", text.substr(0, equals));
  if (equals == std::string_view::npos) return {std::string(text), std::nullopt};
  const std::string_view name = text.substr(0, equals);
  return {std::string(name), parse_value("--call", name, text.substr(equals + 1))};
}

Json parse_size(std::string_view flag, std::string_view text) {
  const bool percentage = !text.empty() && text.back() == '%';
  const auto number = parse_number(percentage ? text.substr(0, text.size() - 1) : text);
  if (!number) {
    throw UsageError(std::string(flag) + ": expected a number of devices or a percentage " +
                     "(10 or 25%), got " + quoted(text));
  }
  return Json{{"type", percentage ? "percentage" : "number"}, {"value", number_json(*number)}};
}

std::chrono::milliseconds parse_duration_flag(std::string_view flag, std::string_view text) {
  auto fail = [&]() -> std::chrono::milliseconds {
    throw UsageError(std::string(flag) + ": expected a duration such as 90s, 5m, 1h30m or " +
                     "500ms, got " + quoted(text));
  };
  if (text.empty()) return fail();
  double total = 0;
  std::size_t pos = 0;
  bool bare_number = true;
  while (pos < text.size()) {
    std::size_t digits_end = pos;
    while (
        digits_end < text.size() &&
        (std::isdigit(static_cast<unsigned char>(text[digits_end])) || text[digits_end] == '.')) {
      ++digits_end;
    }
    std::size_t unit_end = digits_end;
    while (unit_end < text.size() && std::isalpha(static_cast<unsigned char>(text[unit_end]))) {
      ++unit_end;
    }
    const auto number = parse_number(text.substr(pos, digits_end - pos));
    const auto scale = unit_millis(text.substr(digits_end, unit_end - digits_end));
    if (!number || !scale) return fail();
    if (unit_end > digits_end) {
      bare_number = false;
    } else if (!bare_number || unit_end < text.size()) {
      return fail();  // "5m30" is ambiguous: every part but a lone number needs a unit
    }
    total += *number * *scale;
    pos = unit_end;
  }
  // Checked after rounding: "0.1ms" would otherwise become a zero interval, a busy poll.
  if (!(total >= 0.5 && total <= 1e12)) return fail();
  return std::chrono::milliseconds(static_cast<std::int64_t>(std::llround(total)));
}

}  // namespace iotc::cli
