#include "emulator/seed.hpp"

#include <catch2/catch.hpp>

#include "demo_app.hpp"

using namespace iotc::emulator;
using namespace iotc::testing;

TEST_CASE("the demo app has the seed document's groups and templates") {
  Store store("");
  auto summary = load_seed(store, demo_seed());
  CHECK(summary.groups >= 4);
  auto thermostats = store.group(kThermostatsGroup);
  REQUIRE(thermostats);
  CHECK(thermostats->display_name == "Thermostats");
  CHECK(store.group_size(thermostats->seq) == 40);
  CHECK(store.group(kSensorsGroup));
  CHECK(store.template_exists(kThermostatTemplate));
  CHECK(store.template_exists(kSensorTemplate));
  CHECK(store.device("therm-07")->behavior == Behavior::fails);
  std::int64_t smallest = 1 << 30, largest = 0;
  for (const auto& g : store.groups_after(0, 100)) {
    smallest = std::min(smallest, store.group_size(g.seq));
    largest = std::max(largest, store.group_size(g.seq));
  }
  CHECK(smallest == 10);
  CHECK(largest == 1000);
}

TEST_CASE("generators make numbered devices with periodic behaviors") {
  Store store("");
  Json seed = Json::parse(R"({
    "devices": [{"count": 12, "prefix": "x-", "failEvery": 5, "slowEvery": 6,
                 "template": "t"}],
    "groups": [{"id": "all", "displayName": "All", "template": "t"},
               {"id": "two", "displayName": "Two", "devices": ["x-01", "x-12"]}]
  })");
  auto summary = load_seed(store, seed);
  CHECK(summary.devices == 12);
  CHECK(store.device("x-05")->behavior == Behavior::fails);
  CHECK(store.device("x-06")->behavior == Behavior::slow);
  CHECK(store.device("x-07")->behavior == Behavior::succeeds);
  CHECK(store.group_size(store.group("all")->seq) == 12);
  auto two = store.group_devices_after(store.group("two")->seq, -1, 10);
  REQUIRE(two.size() == 2);
  CHECK(two[1].second.id == "x-12");
}

TEST_CASE("a bad seed names the problem and loads nothing") {
  Store store("");
  Json seed = Json::parse(R"({"groups": [{"id": "g", "devices": ["nope"]}]})");
  CHECK_THROWS_WITH(load_seed(store, seed), Catch::Contains("groups[0].devices[0]") &&
                                                Catch::Contains("unknown device 'nope'"));
  CHECK_FALSE(store.group("g"));
  CHECK_THROWS_WITH(load_seed(store, Json::parse(R"({"devices": [{"id": "a", "behavior": "x"}]})")),
                    Catch::Contains("devices[0].behavior"));
}
