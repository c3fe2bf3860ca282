#pragma once
// Shared helpers of the emulator's end-to-end tests.

#include <string>

#include "emulator.hpp"
#include "process.hpp"

namespace iotc::testing {

using iotc::model::Json;

inline constexpr const char* kThermostats = "833d7a7d-8f99-4e04-9e56-745806bdba6e";
inline constexpr const char* kSensors = "4fcbec3b-5ee8-4324-855d-0f03b56bcf7f";
inline constexpr const char* kVersions[] = {"2022-07-31", "2022-10-31-preview", "preview"};

// "/api/<path>?api-version=<version>" (path without the leading /api/).
std::string api(const std::string& path, const std::string& version = "2022-07-31");
// A payload file of the seed document.
Json seed_payload(const std::string& name);
// Advances the emulator's manual clock.
void advance(const EmulatorProcess& emulator, const std::string& duration);
// Follows nextLink from `path` and returns every item of every page (and counts the pages).
Json collect_pages(const EmulatorProcess& emulator, const std::string& path, int* pages = nullptr);

}  // namespace iotc::testing
