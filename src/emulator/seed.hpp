#pragma once
// Loads device templates, devices and device groups into a Store: the built-in demo app, or a
// seed file (docs/emulator.md describes the format).

#include <cstdint>
#include <string>

#include "emulator/store.hpp"

namespace iotc::emulator {

struct SeedSummary {
  std::int64_t templates = 0;
  std::int64_t devices = 0;
  std::int64_t groups = 0;
};

// Throws std::runtime_error naming the first problem (e.g. "groups[2].devices[0]: unknown
// device 'x'"). Loads everything in one transaction.
SeedSummary load_seed(Store& store, const Json& seed);
SeedSummary load_seed_file(Store& store, const std::string& path);

// The built-in demo app: templates, groups from 10 to 1,000 devices, a few failing devices.
const Json& demo_seed();

}  // namespace iotc::emulator
