#pragma once
// Rows of the store's tables shared by its files (store.cpp, store_groups.cpp).

#include <optional>
#include <string>

#include "emulator/store.hpp"

namespace iotc::emulator {

// The device columns read_device() reads, over the devices table as `d`.
inline constexpr const char* kDeviceColumns =
    "d.id, d.display_name, d.template, d.behavior, d.organizations, d.simulated, d.enabled";

// A device from the kDeviceColumns of `row`, starting at column `first`.
DeviceRecord read_device(const Statement& row, int first);

// A JSON array column (organizations) as SQL text; null stays NULL.
std::optional<std::string> json_column(const Json& value);
Json read_json_column(const Statement& row, int column);

}  // namespace iotc::emulator
