// Device groups written through the API (2022 versions): PUT, PATCH with etags, DELETE, members
// computed from the filter's supported subset, list filter/orderby (2022-10-31-preview), jobs
// that keep the devices their group had, and reset.

#include <catch2/catch.hpp>

#include "e2e_helpers.hpp"

using namespace iotc::testing;

namespace {

constexpr const char* kPreview = "2022-10-31-preview";

std::string thermostats_where(const std::string& more = {}) {
  return std::string("SELECT * FROM devices WHERE $template = \"") + kThermostatTemplate + "\"" +
         more;
}

Json group_body(const std::string& name, const std::string& filter) {
  return {{"displayName", name}, {"filter", filter}};
}

Json ids_of(const Json& items) {
  Json ids = Json::array();
  for (const auto& item : items) ids.push_back(item["id"]);
  return ids;
}

std::string error_message(const EmulatorProcess::Response& answer) {
  return answer.body["error"]["message"].get<std::string>();
}

}  // namespace

TEST_CASE("a group is created by filter, read back with an etag, and lists its devices") {
  EmulatorProcess emulator;
  for (const char* version : {"2022-07-31", kPreview}) {
    auto made = emulator.request(
        "PUT", api("deviceGroups/lab-only", version),
        Json{{"displayName", "Lab"},
             {"filter", "select * from devices where $displayName = \"lab-03\" OR $id = 'lab-07'"},
             {"description", "two lab thermostats"}});
    REQUIRE(made.status == 200);
    CHECK(made.body["id"] == "lab-only");
    CHECK(made.body["etag"].is_string());
    CHECK(emulator.request("GET", api("deviceGroups/lab-only", version)).body == made.body);
    CHECK(ids_of(collect_pages(emulator, api("deviceGroups/lab-only/devices", version))) ==
          Json::array({"lab-03", "lab-07"}));
    CHECK(emulator.request("DELETE", api("deviceGroups/lab-only", version)).status == 204);
    CHECK(emulator.request("GET", api("deviceGroups/lab-only", version)).status == 404);
  }
  CHECK(emulator.request("PUT", api("deviceGroups/x", "preview"), group_body("x", "SELECT * FROM devices")).status == 404);
}

TEST_CASE("the filter subset: AND, OR, parentheses, != and every property") {
  EmulatorProcess emulator;
  struct Case {
    std::string filter;
    std::size_t count;
  };
  const std::vector<Case> cases = {
      {"SELECT * FROM devices", 1150},
      {thermostats_where(), 50},
      {thermostats_where(" AND $provisioned = true"), 50},
      {"SELECT * FROM devices WHERE $provisioned = false", 1},  // truck-0500 is offline
      {"SELECT * FROM devices WHERE $simulated = true AND $enabled != false", 1150},
      {"SELECT * FROM devices WHERE $organizations = \"contoso-lab\"", 10},
      {thermostats_where(" AND $organizations != \"contoso-lab\""), 40},
      {"SELECT * FROM devices WHERE ($id = \"therm-01\" OR $id = \"lab-01\") AND $template = \"" +
           std::string(kThermostatTemplate) + "\"",
       2},
      {"SELECT * FROM devices WHERE $displayName = \"nobody\"", 0},
  };
  for (const auto& item : cases) {
    INFO(item.filter);
    auto made = emulator.request("PUT", api("deviceGroups/probe"), group_body("Probe", item.filter));
    REQUIRE(made.status == 200);
    CHECK(collect_pages(emulator, api("deviceGroups/probe/devices")).size() == item.count);
  }
}

TEST_CASE("a filter outside the subset is 400 naming the part, and injection stays text") {
  EmulatorProcess emulator;
  const std::vector<std::pair<std::string, std::string>> refused = {
      {"SELECT id FROM devices", "only SELECT * is supported"},
      {"SELECT * FROM jobs", "only FROM devices is supported"},
      {"SELECT * FROM devices WHERE $displayName STARTS WITH \"a\"", "only = and != are supported"},
      {"SELECT * FROM devices WHERE $lastSeen = \"x\"", "the property is not supported, found '$lastSeen"},
      {"SELECT * FROM devices WHERE $provisioned = \"yes\"", "$provisioned takes true or false"},
      {"SELECT * FROM devices WHERE $id = \"a", "a string is not closed"},
      {"SELECT * FROM devices WHERE $id = \"a\"; DROP TABLE devices", "unexpected character"},
      {"SELECT * FROM devices WHERE $id = \"a\" -- comment", "unexpected character"},
      {"SELECT * FROM devices WHERE $id = 1", "$id takes a quoted string"},
      {"SELECT * FROM devices WHERE " + std::string(40, '(') + "$id = \"a\"" + std::string(40, ')'),
       "parentheses nest too deeply"},
      {"", "expected SELECT, found the end of the filter"},
  };
  for (const auto& [filter, part] : refused) {
    INFO(filter);
    auto answer = emulator.request("PUT", api("deviceGroups/bad"), group_body("Bad", filter));
    CHECK(answer.status == 400);
    CHECK(answer.body["error"]["code"] == "InvalidDeviceGroup");
    CHECK(error_message(answer).find(part) != std::string::npos);
  }
  CHECK(emulator.request("GET", api("deviceGroups/bad")).status == 404);
  // Quotes, SQL and escapes inside a string are compared as text, never run.
  for (const std::string value : {"x' OR '1'='1", "x\\\" OR 1=1 --", "\x1b[31mred"}) {
    auto made = emulator.request(
        "PUT", api("deviceGroups/inj"),
        group_body("Inj", "SELECT * FROM devices WHERE $id = \"" + value + "\""));
    REQUIRE(made.status == 200);
    CHECK(collect_pages(emulator, api("deviceGroups/inj/devices")).empty());
  }
  // A body that is not UTF-8 is not JSON.
  CHECK(emulator.request_raw("PUT", api("deviceGroups/inj"),
                             {{"Authorization", kTestToken}, {"Content-Type", "application/json"}},
                             "{\"displayName\":\"a\xff\",\"filter\":\"SELECT * FROM devices\"}")
            .status == 400);
  CHECK(emulator.request("GET", api("deviceGroups")).status == 200);
}

TEST_CASE("PUT and PATCH check the body: required members, types, unknown members") {
  EmulatorProcess emulator;
  CHECK(emulator.request("PUT", api("deviceGroups/g"), Json{{"displayName", "x"}}).status == 400);
  CHECK(emulator.request("PUT", api("deviceGroups/g"), Json{{"filter", "SELECT * FROM devices"}}).status == 400);
  auto unknown = emulator.request(
      "PUT", api("deviceGroups/g"),
      Json{{"displayName", "x"}, {"filter", "SELECT * FROM devices"}, {"colour", "red"}});
  CHECK(unknown.status == 400);
  CHECK(error_message(unknown).find("colour") != std::string::npos);
  CHECK(emulator.request("PUT", api("deviceGroups/a%20b"), group_body("x", "SELECT * FROM devices")).status == 400);
  CHECK(emulator.request("PUT", api("deviceGroups/g"),
                         Json{{"displayName", "x"}, {"filter", "SELECT * FROM devices"},
                              {"organizations", Json::array({"nowhere"})}})
            .status == 422);
  // Read-only members are accepted and dropped: show -o json can be sent back.
  CHECK(emulator.request("PUT", api("deviceGroups/g"),
                         Json{{"displayName", "x"}, {"filter", "SELECT * FROM devices"},
                              {"id", "other"}, {"etag", "\"9\""}})
            .body["id"] == "g");
  CHECK(emulator.request("PATCH", api("deviceGroups/g"), Json{{"displayName", 3}}).status == 400);
  CHECK(emulator.request("PATCH", api("deviceGroups/none"), Json{{"displayName", "y"}}).status == 404);
}

TEST_CASE("PATCH with If-Match: the current etag passes, a stale one is 412, * always passes") {
  EmulatorProcess emulator;
  auto made = emulator.request("PUT", api("deviceGroups/e", kPreview), group_body("E", thermostats_where()));
  const std::string first = made.body["etag"].get<std::string>();
  const auto patch = [&](const std::string& etag, const char* version) {
    return emulator.request_raw("PATCH", api("deviceGroups/e", version),
                                {{"Authorization", kTestToken},
                                 {"Content-Type", "application/json"},
                                 {"If-Match", etag}},
                                R"({"displayName":"E2"})");
  };
  auto patched = patch(first, kPreview);
  REQUIRE(patched.status == 200);
  CHECK(patched.body["displayName"] == "E2");
  CHECK(patched.body["etag"] != first);
  CHECK(patched.body["filter"] == thermostats_where());
  auto stale = patch(first, kPreview);
  CHECK(stale.status == 412);
  CHECK(stale.body["error"]["code"] == "PreconditionFailed");
  CHECK(patch("*", kPreview).status == 200);
  CHECK(patch("\"0.0\"; DROP TABLE groups", kPreview).status == 412);
  // 2022-07-31 has no If-Match: the header is not read.
  CHECK(patch(first, "2022-07-31").status == 200);
}

TEST_CASE("a seeded group keeps its explicit members until a PATCH gives it a filter") {
  EmulatorProcess emulator;
  const std::string path = std::string("deviceGroups/") + kLabGroup;
  auto renamed = emulator.request("PATCH", api(path), Json{{"description", "renamed"}});
  REQUIRE(renamed.status == 200);
  CHECK(collect_pages(emulator, api(path + "/devices")).size() == 10);
  auto filtered = emulator.request("PATCH", api(path),
                                   Json{{"filter", "SELECT * FROM devices WHERE $id = \"lab-01\""}});
  REQUIRE(filtered.status == 200);
  CHECK(ids_of(collect_pages(emulator, api(path + "/devices"))) == Json::array({"lab-01"}));
  // Reset brings the seeded group back and removes the groups made through the API.
  CHECK(emulator.request("PUT", api("deviceGroups/made"), group_body("Made", thermostats_where())).status == 200);
  CHECK(emulator.request("DELETE", api(std::string("deviceGroups/") + kSensorsGroup)).status == 204);
  REQUIRE(emulator.request("POST", "/_emulator/reset").status == 204);
  CHECK(collect_pages(emulator, api(path + "/devices")).size() == 10);
  CHECK(emulator.request("GET", api(path)).body["description"] ==
        "Ten thermostats of the test lab; they always succeed");
  CHECK(emulator.request("GET", api("deviceGroups/made")).status == 404);
  CHECK(emulator.request("GET", api(std::string("deviceGroups/") + kSensorsGroup)).status == 200);
}

TEST_CASE("a job keeps the devices its group had, and its group cannot be deleted while it runs") {
  EmulatorProcess emulator({"--manual-clock"});
  REQUIRE(emulator.request("PUT", api("deviceGroups/two"),
                           group_body("Two", "SELECT * FROM devices WHERE $id = \"lab-01\" OR $id = \"lab-02\""))
              .status == 200);
  Json job = {{"group", "two"},
              {"data", Json::array({{{"type", "command"}, {"target", kThermostatTemplate}, {"path", "reboot"}}})}};
  REQUIRE(emulator.request("PUT", api("jobs/uses-two"), job).status == 200);
  REQUIRE(emulator.request("PATCH", api("deviceGroups/two"),
                           Json{{"filter", "SELECT * FROM devices WHERE $id = \"lab-03\""}})
              .status == 200);
  CHECK(ids_of(collect_pages(emulator, api("jobs/uses-two/devices"))) == Json::array({"lab-01", "lab-02"}));
  auto refused = emulator.request("DELETE", api("deviceGroups/two"));
  CHECK(refused.status == 422);
  CHECK(refused.body["error"]["code"] == "DeviceGroupInUse");
  CHECK(error_message(refused).find("uses-two") != std::string::npos);
  advance_clock(emulator, "10m");
  CHECK(emulator.request("GET", api("jobs/uses-two")).body["status"] == "complete");
  CHECK(emulator.request("DELETE", api("deviceGroups/two")).status == 204);
}

TEST_CASE("GET /deviceGroups: filter, orderby and maxpagesize in 2022-10-31-preview") {
  EmulatorProcess emulator;
  auto by_name = emulator.request(
      "GET", api("deviceGroups", kPreview) + "&filter=displayName%20eq%20%27Lab%20thermostats%27");
  REQUIRE(by_name.status == 200);
  CHECK(ids_of(by_name.body["value"]) == Json::array({kLabGroup}));
  auto ordered = collect_pages(emulator, api("deviceGroups", kPreview) +
                                             "&orderby=displayName%20desc&maxpagesize=2");
  REQUIRE(ordered.size() == 5);
  CHECK(ordered[0]["displayName"] == "Thermostats");
  CHECK(ordered[4]["displayName"] == "All thermostats");
  for (const char* bad : {"&filter=name%20eq%20%27x%27", "&filter=displayName%20ne%20%27x%27",
                          "&filter=displayName%20eq%20x", "&orderby=filter", "&orderby=id%20up"}) {
    INFO(bad);
    CHECK(emulator.request("GET", api("deviceGroups", kPreview) + bad).status == 400);
  }
  // 2022-07-31 has no such parameters: ignored.
  CHECK(emulator.request("GET", api("deviceGroups") + "&filter=nonsense").status == 200);
}
