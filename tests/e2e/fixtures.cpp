#include "fixtures.hpp"

#include <catch2/catch.hpp>

namespace iotc::testing {

model::Json put_job(const EmulatorProcess& emulator, const std::string& id,
                    const std::string& group, const std::string& name) {
  const model::Json body = {
      {"displayName", name},
      {"group", group},
      {"batch", {{"type", "percentage"}, {"value", 25}}},
      {"data",
       {{{"type", "property"},
         {"target", kThermostatTemplate},
         {"path", "targetTemperature"},
         {"value", 56}}}},
  };
  const auto response =
      emulator.request("PUT", "/api/jobs/" + id + "?api-version=2022-07-31", body);
  INFO(response.text);
  REQUIRE(response.status == 200);
  return response.body;
}

}  // namespace iotc::testing
