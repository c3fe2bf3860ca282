#include "output/time_text.hpp"

#include <fmt/format.h>

#include <cstdint>

#include "model/time_point.hpp"

namespace iotc::output {

std::optional<SystemTime> parse_rfc3339(std::string_view text) {
  return model::read_rfc3339(text).time;
}

std::string relative_time(SystemTime when, SystemTime now) {
  using namespace std::chrono;
  // In seconds before subtracting: two nanosecond counts centuries apart overflow.
  const auto delta = (time_point_cast<seconds>(now) - time_point_cast<seconds>(when)).count();
  const bool future = delta < 0;
  const std::int64_t magnitude = future ? -delta : delta;
  if (magnitude < 5) return "just now";
  std::string amount;
  if (magnitude < 60) {
    amount = fmt::format("{}s", magnitude);
  } else if (magnitude < 3600) {
    amount = fmt::format("{}m", magnitude / 60);
  } else if (magnitude < 86400) {
    amount = fmt::format("{}h", magnitude / 3600);
  } else {
    amount = fmt::format("{}d", magnitude / 86400);
  }
  return future ? "in " + amount : amount + " ago";
}

std::string format_rfc3339(SystemTime when) {
  return model::format_utc(when);
}

}  // namespace iotc::output
