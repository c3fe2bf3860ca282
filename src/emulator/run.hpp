#pragma once

#include "emulator/options.hpp"

namespace iotc::emulator {

// Opens the state, seeds it, serves until SIGINT or SIGTERM. Returns the exit code.
int run_emulator(const EmulatorOptions& options);

}  // namespace iotc::emulator
