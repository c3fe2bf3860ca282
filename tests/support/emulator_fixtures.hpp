#pragma once
// What the end-to-end tests of both programs share beyond starting the emulator: the seed
// document's payloads, the demo app's ids and the manual clock. These check with Catch2, so only
// test programs link them (iotc_test_fixtures).

#include <string>

#include "demo_app.hpp"
#include "emulator.hpp"
#include "model/job.hpp"

namespace iotc::testing {

// The path of one of the seed document's payloads: <seed dir>/payloads/<name>.
std::string seed_payload_path(const std::string& name);
// That payload, parsed.
model::Json seed_payload(const std::string& name);

// POST /_emulator/clock {"advance": duration} (with --manual-clock); fails the test unless 200.
void advance_clock(const EmulatorProcess& emulator, const std::string& duration);

}  // namespace iotc::testing
