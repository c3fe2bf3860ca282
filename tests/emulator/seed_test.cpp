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
  CHECK(store.group_size(*thermostats) == 40);
  CHECK(store.group(kSensorsGroup));
  CHECK(store.template_exists(kThermostatTemplate));
  CHECK(store.template_exists(kSensorTemplate));
  CHECK(store.device("therm-07")->behavior == Behavior::fails);
  std::int64_t smallest = 1 << 30, largest = 0;
  for (const auto& g : store.groups_page({}, 0, 100)) {
    smallest = std::min(smallest, store.group_size(g));
    largest = std::max(largest, store.group_size(g));
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
  CHECK(store.group_size(*store.group("all")) == 12);
  auto two = store.group_devices_after(*store.group("two"), -1, 10);
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

TEST_CASE("organizations: a tree declared parent first, groups and devices naming declared ones") {
  Store store("");
  auto summary = load_seed(store, Json::parse(R"({
    "organizations": [{"id": "eu", "displayName": "Europe"}, {"id": "eu-fr", "parent": "eu"}],
    "devices": [{"id": "solo", "organizations": ["eu"]}, {"id": "root"}],
    "groups": [{"id": "g", "organizations": ["eu-fr"],
                "devices": [{"count": 2, "prefix": "gen-"}, "solo", "root",
                            {"id": "own", "organizations": ["eu"]}]}],
    "behaviors": {"solo": "fails"}})"));
  CHECK(summary.groups == 1);
  CHECK(store.organization("eu-fr")->parent == "eu");
  CHECK(store.organization("eu-fr")->display_name == "eu-fr");
  CHECK(store.group("g")->organizations == Json::array({"eu-fr"}));
  // Devices made in a group take its organizations unless they name their own; a behavior set
  // last keeps them.
  CHECK(store.device("gen-1")->organizations == Json::array({"eu-fr"}));
  CHECK(store.device("own")->organizations == Json::array({"eu"}));
  CHECK(store.device("solo")->organizations == Json::array({"eu"}));
  CHECK(store.device("solo")->behavior == Behavior::fails);
  CHECK(store.device("root")->organizations.is_null());
  // Scoped reads: eu sees eu-fr's group; eu-fr does not see eu's devices in it.
  CHECK(store.group("g", std::string("eu")));
  CHECK_FALSE(store.group("g", std::string("other")));
  CHECK(store.group_size(*store.group("g")) == 5);
  CHECK(store.group_size(*store.group("g"), std::string("eu-fr")) == 2);
  CHECK(store.group_size(*store.group("g"), std::string("eu")) == 4);
}

TEST_CASE("a bad organization in a seed names its place") {
  const std::pair<const char*, const char*> cases[] = {
      {R"({"organizations": [{"id": "a", "parent": "b"}, {"id": "b"}]})",
       "organizations[0].parent: unknown organization 'b' (a parent comes before its children)"},
      {R"({"organizations": [{"id": "a"}, {"id": "a"}]})",
       "organizations[1].id: duplicate organization 'a'"},
      {R"({"organizations": [{"displayName": "x"}]})", "organizations[0].id: required"},
      {R"({"groups": [{"id": "g", "organizations": ["seattle"]}]})",
       "groups[0].organizations[0]: unknown organization 'seattle' (declare it in organizations)"},
      {R"({"organizations": [{"id": "a"}], "groups": [{"id": "g", "organizations": "a"}]})",
       "groups[0].organizations: must be an array of organization ids"},
      {R"({"devices": [{"id": "d", "organizations": [1]}]})",
       "devices[0].organizations[0]: must be a string"},
      {R"({"organizations": {}})", "organizations: must be an array"},
  };
  for (const auto& [seed, message] : cases) {
    Store store("");
    INFO(seed);
    CHECK_THROWS_WITH(load_seed(store, Json::parse(seed)), message);
  }
}
