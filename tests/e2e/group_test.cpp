// --group by id or display name against an app whose groups have plain ids and shared names.

#include <catch2/catch.hpp>

#include "fixtures.hpp"

using namespace iotc::testing;
using iotc::model::Json;

namespace {
const char* kSeed = R"({
  "devices": [{"count": 4, "prefix": "dev-", "template": "dtmi:contoso:thermostat;1"}],
  "groups": [
    {"id": "hq-thermostats", "displayName": "Thermostats", "devices": ["dev-1", "dev-2"]},
    {"id": "lab-thermostats", "displayName": "Thermostats", "devices": ["dev-3"]},
    {"id": "sensors", "displayName": "Sensors", "devices": ["dev-4"]}
  ]
})";
std::vector<std::string> create_on(const std::string& group) {
  return {"create",
          "--group",
          group,
          "--target",
          "dtmi:contoso:thermostat;1",
          "--set",
          "targetTemperature=20",
          "-o",
          "tsv",
          "--columns",
          "group",
          "-q"};
}
}  // namespace

TEST_CASE("create --group takes an id, or a display name that only one group has",
          "[e2e][create]") {
  TempDir dir;
  write_file(dir.file("seed.json"), kSeed);
  EmulatorProcess emulator({"--manual-clock", "--seed", dir.file("seed.json")});
  Cli cli(emulator);

  CHECK(cli.run(create_on("lab-thermostats")).out == "lab-thermostats\n");
  CHECK(cli.run(create_on("Sensors")).out == "sensors\n");

  const auto ambiguous = cli.run(create_on("Thermostats"));
  CHECK(ambiguous.exit_code == 2);
  CHECK(ambiguous.out.empty());
  CHECK(has(ambiguous.err, "2 device groups are named 'Thermostats'; give the id of one:"));
  CHECK(has(ambiguous.err, "\n  'Thermostats' (hq-thermostats)"));
  CHECK(has(ambiguous.err, "\n  'Thermostats' (lab-thermostats)"));
  const auto jobs = emulator.request("GET", "/api/jobs?api-version=2022-07-31").body["value"];
  CHECK(jobs.size() == 2);
}
