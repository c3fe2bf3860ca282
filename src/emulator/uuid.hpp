#pragma once
// Random (version 4) UUIDs: request ids, and the ids of the jobs a schedule starts (the service's
// example shows GUIDs there).

#include <string>

namespace iotc::emulator {

// "3f2504e0-4f89-41d3-9a0c-0305e82c3301"
std::string new_uuid();

}  // namespace iotc::emulator
