#pragma once
// How many devices a job on a group would touch, for the question before a change and for
// --dry-run (docs/design.md, "Prompts"). Counting reads the group's device pages and stops past
// kMaxCountedDevices, so that a large fleet costs a bounded number of requests.

#include <cstddef>
#include <string>
#include <string_view>

#include "api/client.hpp"
#include "model/api_version.hpp"

namespace iotc::cli {

inline constexpr std::size_t kMaxCountedDevices = 10'000;

// "1 device", "1,000 devices", "more than 10,000 devices", or "an unknown number of devices"
// where the api-version has no device listing of a group (preview).
std::string device_reach_text(api::Client& client, model::ApiVersion version,
                              std::string_view group_id);

// 1234567 → "1,234,567".
std::string with_thousands(std::size_t number);

}  // namespace iotc::cli
