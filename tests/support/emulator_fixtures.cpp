#include "emulator_fixtures.hpp"

#include <catch2/catch.hpp>

#include "process.hpp"

namespace iotc::testing {

std::string seed_payload_path(const std::string& name) {
  return seed_dir() + "/payloads/" + name;
}

model::Json seed_payload(const std::string& name) {
  return model::Json::parse(read_file(seed_payload_path(name)));
}

void advance_clock(const EmulatorProcess& emulator, const std::string& duration) {
  const auto response =
      emulator.request("POST", "/_emulator/clock", model::Json{{"advance", duration}});
  INFO(response.text);
  REQUIRE(response.status == 200);
}

}  // namespace iotc::testing
