#pragma once
// Random (version 4) UUIDs: the CLI's x-ms-client-request-id and generated group ids, the
// emulator's request ids and the ids of the jobs a schedule starts (the service's example shows
// GUIDs there).

#include <string>

namespace iotc::util {

// "3f2504e0-4f89-41d3-9a0c-0305e82c3301": 122 bits from std::random_device.
std::string new_uuid_v4();

}  // namespace iotc::util
