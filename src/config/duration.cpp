#include "config/duration.hpp"

#include "util/duration.hpp"

namespace iotc::config {

std::optional<std::chrono::milliseconds> parse_duration(std::string_view text) {
  constexpr std::chrono::milliseconds kLongest = std::chrono::days(365);
  return util::parse_duration(text, kLongest);
}

}  // namespace iotc::config
