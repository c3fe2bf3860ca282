#include "emulator/seed.hpp"

namespace iotc::emulator {

// The group and template ids of the seed document's payloads, so that they run unchanged.
// A few devices fail, one is slow and one offline, so that demo jobs show every outcome. Every
// group (and its devices) belongs to an organization of a small tree, as in an app that uses them.
const Json& demo_seed() {
  static const Json seed = Json::parse(R"json({
  "organizations": [
    {"id": "contoso", "displayName": "Contoso"},
    {"id": "contoso-hq", "displayName": "Head office", "parent": "contoso"},
    {"id": "contoso-lab", "displayName": "Test lab", "parent": "contoso"},
    {"id": "contoso-logistics", "displayName": "Logistics", "parent": "contoso"},
    {"id": "contoso-warehouses", "displayName": "Warehouses", "parent": "contoso-logistics"}
  ],
  "templates": [
    {"id": "dtmi:modelDefinition:zomtmdxh:eqod32zbyl", "displayName": "Thermostat"},
    {"id": "dtmi:modelDefinition:bojo9tfju:yfvu5gv2vl", "displayName": "Environmental sensor"},
    {"id": "dtmi:modelDefinition:k4xzn2gqe:d6ytqo8hvb", "displayName": "Delivery truck"}
  ],
  "groups": [
    {"id": "833d7a7d-8f99-4e04-9e56-745806bdba6e", "displayName": "Thermostats",
     "filter": "SELECT * FROM devices WHERE $template = \"dtmi:modelDefinition:zomtmdxh:eqod32zbyl\" AND $displayName STARTS WITH \"therm-\"",
     "description": "All the thermostats of the head office", "organizations": ["contoso-hq"],
     "devices": [{"count": 40, "prefix": "therm-", "digits": 2,
                  "template": "dtmi:modelDefinition:zomtmdxh:eqod32zbyl"}]},
    {"id": "4fcbec3b-5ee8-4324-855d-0f03b56bcf7f", "displayName": "Environmental sensors",
     "filter": "SELECT * FROM devices WHERE $template = \"dtmi:modelDefinition:bojo9tfju:yfvu5gv2vl\"",
     "description": "Air quality sensors of the warehouses",
     "organizations": ["contoso-warehouses"],
     "devices": [{"count": 100, "prefix": "sensor-", "digits": 3,
                  "template": "dtmi:modelDefinition:bojo9tfju:yfvu5gv2vl"}]},
    {"id": "0d1c1b1a-5f6e-4c3d-9b2a-1e0f9d8c7b6a", "displayName": "Lab thermostats",
     "filter": "SELECT * FROM devices WHERE $template = \"dtmi:modelDefinition:zomtmdxh:eqod32zbyl\" AND $displayName STARTS WITH \"lab-\"",
     "description": "Ten thermostats of the test lab; they always succeed",
     "organizations": ["contoso-lab"],
     "devices": [{"count": 10, "prefix": "lab-", "digits": 2,
                  "template": "dtmi:modelDefinition:zomtmdxh:eqod32zbyl"}]},
    {"id": "6b3a5c2e-7d14-4f0a-b9e8-2c1d0e3f4a5b", "displayName": "Delivery fleet",
     "filter": "SELECT * FROM devices WHERE $template = \"dtmi:modelDefinition:k4xzn2gqe:d6ytqo8hvb\"",
     "description": "A thousand trucks: one in a hundred fails, one is offline",
     "organizations": ["contoso-logistics"],
     "devices": [{"count": 1000, "prefix": "truck-", "digits": 4, "failEvery": 100,
                  "template": "dtmi:modelDefinition:k4xzn2gqe:d6ytqo8hvb"}]},
    {"id": "a7c4e1f2-3b5d-4e6f-8a9b-0c1d2e3f4a5b", "displayName": "All thermostats",
     "template": "dtmi:modelDefinition:zomtmdxh:eqod32zbyl", "organizations": ["contoso"]}
  ],
  "behaviors": {
    "therm-07": "fails", "therm-23": "fails", "therm-38": "fails",
    "sensor-042": "fails", "sensor-077": "slow", "truck-0500": "offline"
  }
})json");
  return seed;
}

}  // namespace iotc::emulator
