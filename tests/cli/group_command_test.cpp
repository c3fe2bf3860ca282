// group list | show | devices | create | update | delete, in-process against the route-keyed
// mock: names resolved, formats, the create-what-exists rules, prompts, and hostile input.

#include <catch2/catch.hpp>

#include "cli/group.hpp"
#include "job_fixtures.hpp"

using namespace iotc::testing;
using iotc::model::Json;

namespace {

constexpr const char* kPumpsId = "11111111-2222-4333-8444-555555555555";

Json group(const std::string& id, const std::string& name) {
  return {{"id", id},
          {"displayName", name},
          {"filter", "SELECT * FROM devices"},
          {"etag", "\"1.1\""},
          {"organizations", Json::array({"plant"})}};
}

Json groups_page() {
  return {{"value", Json::array({group(kPumpsId, "Pumps"), group("valves", "Valves"),
                                 group("twin-a", "Twins"), group("twin-b", "Twins")})}};
}

}  // namespace

TEST_CASE("group list: every format, --columns, the alias groups", "[cli][group]") {
  for (const char* format : {"table", "json", "jsonl", "tsv", "csv"}) {
    CommandHarness h;
    h.http.on("GET", "/api/deviceGroups").reply(200, groups_page());
    const auto result = h.run_line({"-o", format, "groups", "list", "--columns", "id,displayName"});
    INFO(format << result.err);
    CHECK(result.exit_code == 0);
    CHECK(has(result.out, "Pumps"));
    CHECK(has(result.out, "valves"));
    // JSON keeps every member of the API's nesting that was picked; tables show the picked ones.
    if (std::string(format) != "json" && std::string(format) != "jsonl") {
      CHECK_FALSE(has(result.out, "SELECT"));
    }
  }
}

TEST_CASE("group show: exact id, exact name, any-case name, ambiguity and did-you-mean", "[cli][group]") {
  {
    CommandHarness h;
    h.http.on("GET", "/api/deviceGroups").reply(200, groups_page());
    h.http.on("GET", "/api/deviceGroups/valves").reply(200, group("valves", "Valves"));
    const auto result = h.run_line({"-o", "json", "group", "show", "VALVES"});
    CHECK(result.exit_code == 0);
    CHECK(Json::parse(result.out)["id"] == "valves");
  }
  {
    CommandHarness h;
    h.http.on("GET", "/api/deviceGroups").reply(200, groups_page());
    const auto result = h.run_line({"group", "show", "twins"});
    CHECK(result.exit_code == 2);
    CHECK(has(result.err, "twin-a"));
    CHECK(has(result.err, "twin-b"));
  }
  {
    CommandHarness h;
    h.http.on("GET", "/api/deviceGroups").reply(200, groups_page());
    const auto result = h.run_line({"group", "show", "Pumsp"});
    CHECK(result.exit_code == 3);
    CHECK(has(result.err, "Did you mean 'Pumps'?"));
  }
}

TEST_CASE("group show in preview is served from the list", "[cli][group]") {
  CommandHarness h;
  h.env["IOTC_API_VERSION"] = "preview";
  h.http.on("GET", "/api/deviceGroups").reply(200, groups_page());
  h.http.on("GET", "/api/deviceGroups").reply(200, groups_page());
  const auto result = h.run_line({"-o", "json", "group", "show", "Valves"});
  CHECK(result.exit_code == 0);
  CHECK(Json::parse(result.out)["id"] == "valves");
}

TEST_CASE("group devices: every device, and --summary counts", "[cli][group]") {
  const Json devices = {
      {"value", Json::array({{{"id", "d1"}, {"template", "t1"}, {"provisioned", true}, {"simulated", true}, {"enabled", true}},
                             {{"id", "d2"}, {"template", "t2"}, {"provisioned", false}, {"simulated", true}, {"enabled", true}}})}};
  {
    CommandHarness h;
    h.env["IOTC_OUTPUT"] = "json";
    h.http.on("GET", "/api/deviceGroups").reply(200, groups_page());
    h.http.on("GET", "/api/deviceGroups/valves/devices").reply(200, devices);
    const auto result = h.run_line({"group", "devices", "Valves", "--summary"});
    CHECK(result.exit_code == 0);
    CHECK(Json::parse(result.out) == Json{{"total", 2}, {"provisioned", 1}, {"simulated", 2},
                                          {"enabled", 2}, {"templates", {{"t1", 1}, {"t2", 1}}}});
  }
  {
    CommandHarness h;
    h.env["IOTC_OUTPUT"] = "tsv";
    h.http.on("GET", "/api/deviceGroups").reply(200, groups_page());
    h.http.on("GET", "/api/deviceGroups/valves/devices").reply(200, devices);
    const auto result = h.run_line({"group", "devices", "valves", "--columns", "id,provisioned"});
    CHECK(result.exit_code == 0);
    CHECK(has(result.out, "d2\tfalse"));
  }
  {
    CommandHarness h;
    h.env["IOTC_API_VERSION"] = "preview";
    const auto result = h.run_line({"group", "devices", "valves"});
    CHECK(result.exit_code == 2);
    CHECK(has(result.err, "2022-07-31"));
  }
}

TEST_CASE("group create: an id given is looked up first, and one that exists is exit 7", "[cli][group]") {
  {
    CommandHarness h;
    h.http.on("GET", "/api/deviceGroups/pumps").reply(200, group("pumps", "Pumps"));
    const auto result = h.run_line({"group", "create", "pumps", "--name", "P", "--filter", "SELECT * FROM devices"});
    CHECK(result.exit_code == 7);
    CHECK(has(result.err, "already exists"));
    CHECK(has(result.err, "nothing was created"));
  }
  {
    CommandHarness h;
    h.env["IOTC_OUTPUT"] = "json";
    h.http.on("GET", "/api/deviceGroups/pumps").reply(404);
    h.http.on("PUT", "/api/deviceGroups/pumps").reply(200, group("pumps", "P; rm -rf / $(x)"));
    const auto result = h.run_line({"group", "create", "pumps", "--name", "P; rm -rf / $(x)",
                                     "--filter", "SELECT * FROM devices", "--organization", "plant"});
    CHECK(result.exit_code == 0);
    CHECK(has(result.err, "Created device group pumps."));
    const Json sent = Json::parse(h.http.requests().back().body);
    CHECK(sent == Json{{"displayName", "P; rm -rf / $(x)"},
                       {"filter", "SELECT * FROM devices"},
                       {"organizations", Json::array({"plant"})}});
  }
}

TEST_CASE("group create and update refuse hostile input before sending", "[cli][group]") {
  const std::vector<std::vector<std::string>> lines = {
      {"group", "create", "bad id;rm", "--name", "x", "--filter", "SELECT * FROM devices"},
      {"group", "create", "--name", "\x1b]0;pwned\x07", "--filter", "SELECT * FROM devices"},
      {"group", "create", "--name", "ok", "--filter", "SELECT * FROM devices\xff"},
      {"group", "create", "--name", "", "--filter", "SELECT * FROM devices"},
      {"group", "create", "--name", "ok", "--filter", "SELECT * FROM devices\nWHERE 1"},
      {"group", "create", "--name", "ok", "--filter", "SELECT * FROM devices", "--description", "\x1b[2J"},
      {"group", "create", std::string(300, 'a'), "--name", "x", "--filter", "SELECT * FROM devices"},
      {"group", "update", "valves"},
      {"group", "update", "valves", "--if-match", "\"1\"", "--name", "x"},
  };
  for (const auto& line : lines) {
    CommandHarness h;
    const auto result = h.run_line(line);
    INFO(line[2] << " " << result.err);
    CHECK(result.exit_code == 2);
    CHECK(h.http.requests().empty());
  }
}

TEST_CASE("group update: a merge patch with If-Match, a stale etag is exit 7", "[cli][group]") {
  {
    CommandHarness h;
    h.env["IOTC_API_VERSION"] = "2022-10-31-preview";
    h.http.on("GET", "/api/deviceGroups").reply(200, groups_page());
    h.http.on("PATCH", "/api/deviceGroups/valves").reply(200, group("valves", "Big valves"));
    const auto result = h.run_line({"group", "update", "Valves", "--name", "Big valves", "--if-match", "\"1.1\""});
    CHECK(result.exit_code == 0);
    CHECK(h.http.requests().back().headers.get("If-Match") == "\"1.1\"");
    CHECK(Json::parse(h.http.requests().back().body) == Json{{"displayName", "Big valves"}});
  }
  {
    CommandHarness h;
    h.env["IOTC_API_VERSION"] = "2022-10-31-preview";
    h.http.on("GET", "/api/deviceGroups").reply(200, groups_page());
    h.http.on("PATCH", "/api/deviceGroups/valves")
        .reply(412, Json{{"error", {{"code", "PreconditionFailed"}, {"message", "etag"}}}});
    const auto result = h.run_line({"group", "update", "valves", "--name", "x", "--if-match", "\"0\""});
    CHECK(result.exit_code == 7);
  }
}

TEST_CASE("group delete: asks on a terminal, --yes skips, in use is exit 7", "[cli][group]") {
  {
    CommandHarness h;
    h.stdin_is_terminal = true;
    h.stdin_text = "n\n";
    h.http.on("GET", "/api/deviceGroups").reply(200, groups_page());
    h.http.on("GET", "/api/deviceGroups/valves").reply(200, group("valves", "Valves"));
    const auto result = h.run_line({"group", "delete", "Valves"});
    CHECK(result.exit_code == 1);
    CHECK(has(result.err, "Delete device group 'Valves' (valves)?"));
  }
  {
    CommandHarness h;
    h.stdin_is_terminal = true;
    h.http.on("GET", "/api/deviceGroups").reply(200, groups_page());
    h.http.on("DELETE", "/api/deviceGroups/valves").reply(204);
    const auto result = h.run_line({"group", "delete", "valves", "--yes"});
    CHECK(result.exit_code == 0);
    CHECK(has(result.err, "Deleted device group valves."));
  }
  {
    CommandHarness h;  // no terminal: never asked
    h.http.on("GET", "/api/deviceGroups").reply(200, groups_page());
    h.http.on("DELETE", "/api/deviceGroups/valves")
        .reply(422, Json{{"error", {{"code", "DeviceGroupInUse"}, {"message", "job j1 uses it"}}}});
    const auto result = h.run_line({"group", "delete", "valves"});
    CHECK(result.exit_code == 7);
    CHECK(has(result.err, "job j1 uses it"));
  }
}
