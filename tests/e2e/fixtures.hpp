#pragma once
// Jobs made directly through the emulator's API, so that a test of one command does not depend
// on another command.

#include <string>

#include "cli.hpp"

namespace iotc::testing {

// PUT /api/jobs/{id}: a property job (targetTemperature = value) on `group`.
model::Json put_job(const EmulatorProcess& emulator, const std::string& id,
                    const std::string& group, const std::string& name = "Set target temperature");

}  // namespace iotc::testing
