#pragma once
// Counts of devices from the service (a job's progress), read safely: a whole number from 0 to
// 2^63 - 1, written as an integer or as an integral float ("3.0" is 3). Anything else (1e300,
// -5, 2.5, beyond int64, a string) is a malformed answer, never cast: a double out of range cast
// to an integer is undefined behaviour. Header-only, for the output layer too.

#include <cmath>
#include <cstdint>
#include <optional>
#include <string>

#include "errors.hpp"
#include "model/job.hpp"

namespace iotc::model {

inline std::optional<std::int64_t> count_value(const Json& value) {
  constexpr double kInt64Limit = 9223372036854775808.0;  // 2^63
  if (value.is_number_unsigned()) {
    const auto number = value.get<std::uint64_t>();
    if (number <= static_cast<std::uint64_t>(INT64_MAX)) return static_cast<std::int64_t>(number);
  } else if (value.is_number_integer()) {
    const auto number = value.get<std::int64_t>();
    if (number >= 0) return number;
  } else if (value.is_number_float()) {
    const double number = value.get<double>();
    if (std::trunc(number) == number && number >= 0 && number < kInt64Limit) {
      return static_cast<std::int64_t>(number);
    }
  }
  return std::nullopt;
}

// a + b for two counts, at most INT64_MAX: a service's counts may add up beyond int64.
inline std::int64_t count_sum(std::int64_t a, std::int64_t b) {
  return a > INT64_MAX - b ? INT64_MAX : a + b;
}

// progress[name] as a count: 0 when absent; throws iotc::Error (exit 1) naming the member when
// it is there but not a count.
inline std::int64_t progress_count(const Json& progress, const char* name) {
  const auto found = progress.find(name);
  if (found == progress.end() || found->is_null()) return 0;
  if (const auto count = count_value(*found)) return *count;
  throw Error(std::string("the service sent an answer that could not be read: progress.") + name +
              " is " + found->dump(-1, ' ', false, Json::error_handler_t::replace) +
              ", not a count of devices (a whole number from 0)");
}

}  // namespace iotc::model
