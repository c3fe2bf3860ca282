#include "cli/values.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>

#include "errors.hpp"
#include "util/duration.hpp"

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
  constexpr std::chrono::milliseconds kLongest{1'000'000'000'000};
  const auto duration = util::parse_duration(text, kLongest);
  // Zero (or "0.1ms", rounded to zero) would make a busy poll.
  if (!duration || duration->count() == 0) {
    throw UsageError(std::string(flag) + ": expected a duration such as 90s, 5m, 1h30m or " +
                     "500ms, got " + quoted(text));
  }
  return *duration;
}

}  // namespace iotc::cli
