// Organizations (2022 api-versions): the seed's tree served at /organizations, a job's
// organization checked against it, and tokens tied to an organization that see it and its
// descendants only; anything else is not found, its existence not revealed.

#include <catch2/catch.hpp>

#include "e2e_helpers.hpp"

using namespace iotc::testing;
using namespace std::chrono_literals;

namespace {

// Not secrets: they only open test processes.
constexpr const char* kLabToken = "Bearer lab-operator-token";
constexpr const char* kLogisticsToken = "Bearer logistics-operator-token";
constexpr const char* kRootOrgToken = "Bearer contoso-operator-token";

EmulatorProcess::Response as(const EmulatorProcess& emulator, const char* token,
                             const std::string& method, const std::string& path,
                             const std::optional<Json>& body = std::nullopt) {
  std::map<std::string, std::string> headers{{"Authorization", token}};
  if (body) headers["Content-Type"] = "application/json";
  return emulator.request_raw(method, path, headers, body ? body->dump() : "");
}

Json command_job(const std::string& group) {
  return {{"group", group},
          {"data",
           Json::array({{{"type", "command"}, {"target", kThermostatTemplate}, {"path", "reboot"}}})}};
}

Json ids_of(const Json& items) {
  Json ids = Json::array();
  for (const auto& item : items) ids.push_back(item["id"]);
  return ids;
}

// The official error body, with the code in the body and in x-ms-error-code.
void check_error(const EmulatorProcess::Response& answer, int status, const std::string& code) {
  INFO(answer.text);
  CHECK(answer.status == status);
  CHECK(answer.body["error"]["code"] == code);
  CHECK(answer.body["error"]["message"].is_string());
  CHECK(answer.body["error"]["requestId"].is_string());
  CHECK(answer.body["error"]["time"].is_string());
  CHECK(answer.headers.at("x-ms-error-code") == code);
}

std::vector<std::string> scoped_tokens() {
  return {"--organization-token", std::string("contoso-lab=") + kLabToken,
          "--organization-token", std::string("contoso-logistics=") + kLogisticsToken,
          "--organization-token", std::string("contoso=") + kRootOrgToken, "--manual-clock"};
}

}  // namespace

TEST_CASE("the demo app's organizations are served as a tree, in the 2022 versions only") {
  EmulatorProcess emulator;
  for (const char* version : {"2022-07-31", "2022-10-31-preview"}) {
    auto list = emulator.request("GET", api("organizations", version));
    REQUIRE(list.status == 200);
    CHECK(list.body["value"][0] == Json{{"id", "contoso"}, {"displayName", "Contoso"}});
    CHECK(list.body["value"][4] == Json{{"id", "contoso-warehouses"},
                                        {"displayName", "Warehouses"},
                                        {"parent", "contoso-logistics"}});
    CHECK(emulator.request("GET", api("organizations/contoso-lab", version)).body ==
          Json{{"id", "contoso-lab"}, {"displayName", "Test lab"}, {"parent", "contoso"}});
    check_error(emulator.request("GET", api("organizations/nowhere", version)), 404,
                "OrganizationNotFound");
  }
  check_error(emulator.request("GET", api("organizations", "preview")), 404, "NotFound");
  // A group and its devices carry their organization.
  CHECK(emulator.request("GET", api(std::string("deviceGroups/") + kLabGroup)).body["organizations"] ==
        Json::array({"contoso-lab"}));
  CHECK(emulator.request("GET", api(std::string("deviceGroups/") + kLabGroup + "/devices"))
            .body["value"][0]["organizations"] == Json::array({"contoso-lab"}));
}

TEST_CASE("a job's organization must exist and hold its group: 422 with the error body") {
  EmulatorProcess emulator({"--manual-clock"});
  Json job = command_job(kThermostatsGroup);  // Thermostats: contoso-hq
  job["organizations"] = {"nowhere"};
  check_error(emulator.request("PUT", api("jobs/j-none"), job), 422, "OrganizationNotFound");
  job["organizations"] = {"contoso-lab"};
  auto elsewhere = emulator.request("PUT", api("jobs/j-lab"), job);
  check_error(elsewhere, 422, "DeviceGroupNotFound");
  CHECK(elsewhere.body["error"]["message"] ==
        std::string("group: device group '") + kThermostatsGroup +
            "' is not in organization 'contoso-lab' or one of its descendants.");
  // Nothing was created by the refusals.
  CHECK(emulator.request("GET", api("jobs/j-lab")).status == 404);

  // The group's own organization, or an ancestor of it.
  for (const char* organization : {"contoso-hq", "contoso"}) {
    job["organizations"] = {organization};
    auto created = emulator.request("PUT", api(std::string("jobs/j-") + organization), job);
    INFO(created.text);
    CHECK(created.status == 200);
    CHECK(created.body["organizations"] == Json::array({organization}));
    CHECK(created.body["progress"]["total"] == 40);
  }
}

TEST_CASE("a token tied to an organization lists and reads its own and its descendants' only") {
  EmulatorProcess emulator(scoped_tokens());
  // Jobs made with the app's token: one in each organization, one at the root.
  Json job = command_job(kLabGroup);
  job["organizations"] = {"contoso-lab"};
  REQUIRE(emulator.request("PUT", api("jobs/lab-job"), job).status == 200);
  job = command_job(kSensorsGroup);
  job["organizations"] = {"contoso-warehouses"};
  REQUIRE(emulator.request("PUT", api("jobs/warehouse-job"), job).status == 200);
  REQUIRE(emulator.request("PUT", api("jobs/root-job"), command_job(kLabGroup)).status == 200);

  CHECK(ids_of(as(emulator, kLabToken, "GET", api("jobs")).body["value"]) ==
        Json::array({"lab-job"}));
  CHECK(ids_of(as(emulator, kLogisticsToken, "GET", api("jobs")).body["value"]) ==
        Json::array({"warehouse-job"}));
  CHECK(ids_of(as(emulator, kRootOrgToken, "GET", api("jobs")).body["value"]) ==
        Json::array({"warehouse-job", "lab-job"}));  // the root job is the app's, not contoso's
  CHECK(ids_of(emulator.request("GET", api("jobs")).body["value"]).size() == 3);

  CHECK(ids_of(as(emulator, kLogisticsToken, "GET", api("deviceGroups")).body["value"]) ==
        Json::array({kSensorsGroup, "6b3a5c2e-7d14-4f0a-b9e8-2c1d0e3f4a5b"}));
  CHECK(ids_of(as(emulator, kLogisticsToken, "GET", api("organizations")).body["value"]) ==
        Json::array({"contoso-logistics", "contoso-warehouses"}));
  // All thermostats (contoso) holds the lab's thermostats and the head office's: the lab sees
  // neither the group nor, in an ancestor's group, the head office's devices.
  const std::string all_thermostats = "a7c4e1f2-3b5d-4e6f-8a9b-0c1d2e3f4a5b";
  check_error(as(emulator, kLabToken, "GET", api("deviceGroups/" + all_thermostats)), 404,
              "DeviceGroupNotFound");
  CHECK(collect_pages(emulator, api("deviceGroups/" + all_thermostats + "/devices")).size() == 50);
  CHECK(as(emulator, kRootOrgToken, "GET", api("deviceGroups/" + all_thermostats + "/devices"))
            .body["value"]
            .size() == 50);

  // Outside the scope: not found, in every way of reaching it, and in every api-version.
  for (const char* version : kVersions) {
    check_error(as(emulator, kLabToken, "GET", api("jobs/warehouse-job", version)), 404,
                "JobNotFound");
  }
  check_error(as(emulator, kLabToken, "GET", api("jobs/root-job/devices")), 404, "JobNotFound");
  check_error(as(emulator, kLabToken, "POST", api("jobs/warehouse-job/stop")), 404, "JobNotFound");
  check_error(as(emulator, kLabToken, "POST", api("jobs/warehouse-job/resume")), 404,
              "JobNotFound");
  check_error(as(emulator, kLabToken, "PUT", api("jobs/warehouse-job/rerun/again")), 404,
              "JobNotFound");
  check_error(as(emulator, kLabToken, "GET", api(std::string("deviceGroups/") + kSensorsGroup)),
              404, "DeviceGroupNotFound");
  check_error(as(emulator, kLabToken, "GET",
                 api(std::string("deviceGroups/") + kSensorsGroup + "/devices")),
              404, "DeviceGroupNotFound");
  check_error(as(emulator, kLabToken, "GET", api("organizations/contoso-logistics")), 404,
              "OrganizationNotFound");
  CHECK(emulator.request("GET", api("jobs/warehouse-job")).body["status"] == "running");

  // Inside it: a descendant's job can be stopped by the ancestor's token.
  CHECK(as(emulator, kLogisticsToken, "POST", api("jobs/warehouse-job/stop")).status == 204);
  CHECK(emulator.request("GET", api("jobs/warehouse-job")).body["status"] == "stopped");
}

TEST_CASE("a token tied to an organization writes only there") {
  EmulatorProcess emulator(scoped_tokens());
  // No organization named: the job is the token's organization's.
  auto created = as(emulator, kLabToken, "PUT", api("jobs/lab-own"), command_job(kLabGroup));
  INFO(created.text);
  REQUIRE(created.status == 200);
  CHECK(created.body["organizations"] == Json::array({"contoso-lab"}));
  // A retry is the same job, as for any create.
  CHECK(as(emulator, kLabToken, "PUT", api("jobs/lab-own"), command_job(kLabGroup)).status == 200);

  // A group outside the scope is unknown, as one that does not exist.
  auto hidden_group =
      as(emulator, kLabToken, "PUT", api("jobs/lab-hq"), command_job(kThermostatsGroup));
  check_error(hidden_group, 422, "DeviceGroupNotFound");
  CHECK(hidden_group.body["error"]["message"] ==
        std::string("group: device group '") + kThermostatsGroup + "' not found.");
  // An organization outside the scope is unknown, as one that does not exist.
  Json job = command_job(kLabGroup);
  job["organizations"] = {"contoso"};
  check_error(as(emulator, kLabToken, "PUT", api("jobs/lab-up"), job), 422,
              "OrganizationNotFound");

  // Job ids are the app's: another organization's id is taken (409) and nothing of it is shown.
  job = command_job(kSensorsGroup);
  job["organizations"] = {"contoso-warehouses"};
  REQUIRE(emulator.request("PUT", api("jobs/taken"), job).status == 200);
  auto taken = as(emulator, kLabToken, "PUT", api("jobs/taken"), command_job(kLabGroup));
  check_error(taken, 409, "JobAlreadyExists");
  CHECK(taken.text.find("contoso-warehouses") == std::string::npos);
  auto same_payload = as(emulator, kLogisticsToken, "PUT", api("jobs/taken"), job);
  CHECK(same_payload.status == 200);  // its own organization's retry
}

TEST_CASE("a job of an organization runs on its group's devices in that organization") {
  TempDir dir;
  write_file(dir.file("seed.json"), R"({
    "organizations": [{"id": "north"}, {"id": "north-east", "parent": "north"}, {"id": "south"}],
    "devices": [{"id": "root-device"}, {"id": "south-device", "organizations": ["south"]}],
    "groups": [{"id": "mixed", "organizations": ["north"],
                "devices": [{"count": 2, "prefix": "n-"},
                            {"count": 2, "prefix": "ne-", "organizations": ["north-east"]},
                            "root-device", "south-device"]}]})");
  EmulatorProcess emulator({"--seed", dir.file("seed.json"), "--manual-clock",
                            "--organization-token", std::string("north-east=") + kLabToken});
  const Json job = {
      {"group", "mixed"},
      {"data", Json::array({{{"type", "property"}, {"target", "t"}, {"path", "p"}, {"value", 1}}})}};
  auto ids = [&](const std::string& id) {
    return ids_of(collect_pages(emulator, api("jobs/" + id + "/devices")));
  };

  REQUIRE(emulator.request("PUT", api("jobs/app-wide"), job).status == 200);
  CHECK(ids("app-wide") == Json::array({"n-1", "n-2", "ne-1", "ne-2", "root-device", "south-device"}));
  Json north = job;
  north["organizations"] = {"north"};
  REQUIRE(emulator.request("PUT", api("jobs/north"), north).status == 200);
  CHECK(ids("north") == Json::array({"n-1", "n-2", "ne-1", "ne-2"}));
  CHECK(emulator.request("GET", api("jobs/north")).body["progress"]["total"] == 4);
  // The group is north's: north-east's token does not see it, though it sees two of its devices.
  check_error(as(emulator, kLabToken, "GET", api("deviceGroups/mixed/devices")), 404,
              "DeviceGroupNotFound");
}

TEST_CASE("organization tokens: a malformed value is a usage error, an unknown organization "
          "cannot start, and the token is never printed") {
  const std::string secret = "Bearer very-secret-value";
  auto malformed = run_process(
      {emulator_binary(), "--listen", "127.0.0.1:0", "--organization-token", secret}, {}, {}, 10s);
  CHECK(malformed.exit_code == 2);
  CHECK(malformed.err.find("--organization-token") != std::string::npos);
  CHECK(malformed.err.find("very-secret-value") == std::string::npos);

  auto unknown = run_process({emulator_binary(), "--listen", "127.0.0.1:0",
                              "--organization-token", "atlantis=" + secret},
                             {}, {}, 10s);
  CHECK(unknown.exit_code == 1);
  CHECK(unknown.err.find("unknown organization 'atlantis'") != std::string::npos);
  CHECK(unknown.err.find("very-secret-value") == std::string::npos);

  auto twice = run_process({emulator_binary(), "--listen", "127.0.0.1:0", "--token", secret,
                            "--organization-token", "contoso-lab=" + secret},
                           {}, {}, 10s);
  CHECK(twice.exit_code == 1);
  CHECK(twice.err.find("tied to two scopes") != std::string::npos);
  CHECK(twice.err.find("very-secret-value") == std::string::npos);
}

TEST_CASE("an organization token file ties every token of the file to the organization") {
  TempDir dir;
  write_file(dir.file("lab-tokens"), "# the lab's operators\nBearer lab-one\nlab-two\n");
  EmulatorProcess emulator(
      {"--organization-token-file", "contoso-lab=" + dir.file("lab-tokens")});
  for (const char* token : {"Bearer lab-one", "SharedAccessSignature lab-two"}) {
    auto groups = as(emulator, token, "GET", api("deviceGroups"));
    INFO(token);
    CHECK(ids_of(groups.body["value"]) == Json::array({kLabGroup}));
  }
  // The test token (--token) still sees the whole app.
  CHECK(emulator.request("GET", api("deviceGroups")).body["value"].size() == 5);
  CHECK(as(emulator, "Bearer someone-else", "GET", api("deviceGroups")).status == 401);
}
