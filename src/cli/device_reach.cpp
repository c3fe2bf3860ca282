#include "cli/device_reach.hpp"

namespace iotc::cli {

std::string with_thousands(std::size_t number) {
  std::string digits = std::to_string(number);
  for (auto at = static_cast<std::ptrdiff_t>(digits.size()) - 3; at > 0; at -= 3) {
    digits.insert(static_cast<std::size_t>(at), ",");
  }
  return digits;
}

std::string device_reach_text(api::Client& client, model::ApiVersion version,
                              std::string_view group_id) {
  if (version == model::ApiVersion::preview) return "an unknown number of devices";
  auto devices = client.device_group_devices(group_id);
  std::size_t count = 0;
  while (devices.next_text()) {
    if (++count > kMaxCountedDevices) {
      return "more than " + with_thousands(kMaxCountedDevices) + " devices";
    }
  }
  return with_thousands(count) + (count == 1 ? " device" : " devices");
}

}  // namespace iotc::cli
