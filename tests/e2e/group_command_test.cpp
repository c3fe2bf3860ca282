// iotc-jobs group against the emulator: a group made by filter and then targeted by a job by
// its name, update with etags, delete refused while a job uses it, and --page-size in the
// emulator's request log.

#include <algorithm>
#include <catch2/catch.hpp>

#include "fixtures.hpp"

using namespace iotc::testing;
using iotc::model::Json;

namespace {

constexpr const char* kLabFilter =
    "SELECT * FROM devices WHERE $displayName = \"lab-01\" OR $displayName = \"lab-02\"";

Json logged_paths(const EmulatorProcess& emulator) {
  const auto log = emulator.request("GET", "/_emulator/requests");
  REQUIRE(log.status == 200);
  Json paths = Json::array();
  for (const auto& entry : log.body.at("value")) {
    paths.push_back(entry.at("path").get<std::string>() + "?" + entry.at("query").get<std::string>());
  }
  return paths;
}

}  // namespace

TEST_CASE("a group created by filter is shown, listed, targeted by name and deleted", "[e2e][group]") {
  EmulatorProcess emulator({"--manual-clock"});
  Cli cli(emulator);
  const auto made = cli.run({"group", "create", "lab-two", "--name", "Two lab; $(rm -rf)",
                             "--filter", kLabFilter, "-o", "json"});
  REQUIRE(made.exit_code == 0);
  CHECK(has(made.err, "Created device group lab-two."));
  CHECK(Json::parse(made.out)["displayName"] == "Two lab; $(rm -rf)");
  // A second create of the same id changes nothing: exit 7.
  const auto again = cli.run({"group", "create", "lab-two", "--name", "x", "--filter", kLabFilter});
  CHECK(again.exit_code == 7);
  CHECK(has(again.err, "already exists"));

  CHECK(cli.json({"group", "show", "two LAB; $(rm -rf)"})["id"] == "lab-two");
  const auto devices = cli.run({"groups", "devices", "lab-two", "-o", "tsv", "--columns", "id"});
  CHECK(devices.out == "lab-01\nlab-02\n");
  CHECK(cli.json({"group", "devices", "lab-two", "--summary"})["total"] == 2);
  CHECK(has(cli.run({"group", "list"}).out, "Two lab; $(rm -rf)"));

  // A job on it by name; its table names the group, its JSON keeps the id.
  const auto job = cli.run({"create", "on-two", "--group", "Two lab; $(rm -rf)", "--target",
                            kThermostatTemplate, "--set", "targetTemperature=20"});
  REQUIRE(job.exit_code == 0);
  CHECK(has(job.out, "Two lab; $(rm -rf)"));
  CHECK(cli.json({"show", "on-two"})["group"] == "lab-two");
  CHECK(emulator.request("GET", "/api/jobs/on-two/devices?api-version=2022-07-31")
            .body["value"]
            .size() == 2);

  const auto in_use = cli.run({"group", "delete", "lab-two"});
  CHECK(in_use.exit_code == 7);
  advance_clock(emulator, "10m");
  const auto deleted = cli.run({"group", "delete", "lab-two"});
  CHECK(deleted.exit_code == 0);
  CHECK(cli.run({"group", "show", "lab-two"}).exit_code == 3);
}

TEST_CASE("group update with --if-match: the current etag passes, a stale one is exit 7", "[e2e][group]") {
  EmulatorProcess emulator;
  Cli cli(emulator);
  const std::vector<std::string> preview = {"--api-version", "2022-10-31-preview"};
  auto with = [&](std::vector<std::string> args) {
    args.insert(args.begin(), preview.begin(), preview.end());
    return args;
  };
  REQUIRE(cli.run(with({"group", "create", "g1", "--name", "G", "--filter", kLabFilter})).exit_code == 0);
  const std::string etag = cli.json(with({"group", "show", "g1"}))["etag"].get<std::string>();
  const auto updated = cli.run(with({"group", "update", "g1", "--description", "d", "--if-match", etag}));
  CHECK(updated.exit_code == 0);
  const auto stale = cli.run(with({"group", "update", "g1", "--description", "e", "--if-match", etag}));
  CHECK(stale.exit_code == 7);
  // 2022-07-31 has no If-Match: refused before sending.
  CHECK(cli.run({"group", "update", "g1", "--name", "x", "--if-match", etag}).exit_code == 2);
  // A filter outside the emulator's subset: the service's 400 names the part.
  const auto refused = cli.run({"group", "update", "g1", "--filter", "SELECT * FROM devices WHERE $x = 1"});
  CHECK(refused.exit_code == 1);
  CHECK(has(refused.err, "$x"));
}

TEST_CASE("a global page size goes out as maxpagesize where taken, else one warning line", "[e2e][group]") {
  EmulatorProcess emulator;
  Cli cli(emulator);
  REQUIRE(emulator.request("DELETE", "/_emulator/requests").status == 204);
  const auto listed = cli.run({"--api-version", "2022-10-31-preview", "--page-size", "2", "group",
                               "list", "-o", "json"});
  REQUIRE(listed.exit_code == 0);
  CHECK(listed.err.empty());
  CHECK(Json::parse(listed.out).size() == 5);
  const Json paths = logged_paths(emulator);
  REQUIRE(paths.size() == 3);  // five groups, two a page
  CHECK(has(paths[0].get<std::string>(), "maxpagesize=2"));

  const auto warned = cli.run({"--page-size", "2", "group", "list", "-o", "json"});
  CHECK(warned.exit_code == 0);
  CHECK(has(warned.err, "--page-size was not sent"));
  CHECK(std::count(warned.err.begin(), warned.err.end(), '\n') == 1);
  for (const char* bad : {"0", "101", "abc", "1e3", "99999999999999999999", "-5", "2;ls"}) {
    INFO(bad);
    CHECK(cli.run({"--page-size", bad, "group", "list"}).exit_code == 2);
  }
}
