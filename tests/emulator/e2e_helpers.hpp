#pragma once
// Shared helpers of the emulator's end-to-end tests.

#include <string>

#include "emulator.hpp"
#include "emulator_fixtures.hpp"
#include "process.hpp"

namespace iotc::testing {

using iotc::model::Json;

inline constexpr const char* kVersions[] = {"2022-07-31", "2022-10-31-preview", "preview"};

// "/api/<path>?api-version=<version>" (path without the leading /api/).
std::string api(const std::string& path, const std::string& version = "2022-07-31");
// Follows nextLink from `path` and returns every item of every page (and counts the pages).
Json collect_pages(const EmulatorProcess& emulator, const std::string& path, int* pages = nullptr);

}  // namespace iotc::testing
