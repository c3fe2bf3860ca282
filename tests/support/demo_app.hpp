#pragma once
// Ids of the emulator's built-in demo app (src/emulator/demo_seed.cpp), which are those the seed
// document's payloads name, for the tests that run against it.

namespace iotc::testing {

inline constexpr const char* kThermostatTemplate = "dtmi:modelDefinition:zomtmdxh:eqod32zbyl";
inline constexpr const char* kSensorTemplate = "dtmi:modelDefinition:bojo9tfju:yfvu5gv2vl";

// 40 thermostats; therm-07, therm-23 and therm-38 fail.
inline constexpr const char* kThermostatsGroup = "833d7a7d-8f99-4e04-9e56-745806bdba6e";
// 100 sensors; sensor-042 fails, sensor-077 is slow.
inline constexpr const char* kSensorsGroup = "4fcbec3b-5ee8-4324-855d-0f03b56bcf7f";
// 10 thermostats that always succeed.
inline constexpr const char* kLabGroup = "0d1c1b1a-5f6e-4c3d-9b2a-1e0f9d8c7b6a";

}  // namespace iotc::testing
