// Organizations through iotc-jobs: a token tied to an organization (the emulator's
// --organization-token) sees its own jobs and groups only, anything else is not found (exit 3),
// and a job's organization is printed as plain text in tables.

#include <catch2/catch.hpp>
#include <regex>

#include "fixtures.hpp"

using namespace iotc::testing;
using iotc::model::Json;

namespace {

// Not a secret: it only opens a test process.
constexpr const char* kLabToken =
    "SharedAccessSignature sr=emulator&sig=lab-operator-signature&skn=lab&se=4102444800";

Env as_lab() {
  return {{"IOTC_API_TOKEN", std::string(kLabToken)}};
}

std::vector<std::string> reboot(const std::string& id, const std::string& group) {
  return {"create", id, "--group", group, "--target", kThermostatTemplate, "--call", "reboot"};
}

}  // namespace

TEST_CASE("a token tied to an organization sees its jobs and groups only", "[e2e][organizations]") {
  EmulatorProcess emulator(
      {"--manual-clock", "--organization-token", std::string("contoso-lab=") + kLabToken});
  Cli cli(emulator);
  put_job(emulator, "hq-job", kThermostatsGroup);  // the app's, made with the app's token

  const auto created = cli.run(reboot("lab-job", "Lab thermostats"), as_lab());
  INFO(created.err);
  CHECK(created.exit_code == 0);
  // Created in the token's organization, which tables print as plain text.
  CHECK(std::regex_search(created.out, std::regex("\nORGANIZATIONS +contoso-lab\n")));
  CHECK_FALSE(has(created.out, "[\""));

  CHECK(cli.run({"list", "-o", "tsv", "--columns", "id,organizations"}, as_lab()).out ==
        "lab-job\tcontoso-lab\n");
  CHECK(lines_of(cli.run({"list", "-o", "tsv", "--columns", "id"}).out).size() == 2);

  // Outside the organization: not found, never shown.
  const auto hidden = cli.run({"show", "hq-job"}, as_lab());
  CHECK(hidden.exit_code == 3);
  CHECK(hidden.out.empty());
  CHECK(cli.run({"stop", "hq-job"}, as_lab()).exit_code == 3);
  CHECK(cli.run({"devices", "hq-job"}, as_lab()).exit_code == 3);
  const auto other_group = cli.run(reboot("lab-hq", "Thermostats"), as_lab());
  CHECK(other_group.exit_code == 3);
  CHECK(has(other_group.err, "Thermostats"));
  CHECK(emulator.request("GET", "/api/jobs/lab-hq?api-version=2022-07-31").status == 404);
}

TEST_CASE("a job's organization must exist and hold its group", "[e2e][organizations]") {
  EmulatorProcess emulator({"--manual-clock"});
  Cli cli(emulator);
  auto unknown = reboot("job-nowhere", "Thermostats");
  unknown.insert(unknown.end(), {"--organization", "nowhere"});
  const auto refused = cli.run(unknown);
  CHECK(refused.exit_code == 1);
  CHECK(has(refused.err, "OrganizationNotFound"));

  auto elsewhere = reboot("job-lab", "Thermostats");
  elsewhere.insert(elsewhere.end(), {"--organization", "contoso-lab"});
  const auto not_there = cli.run(elsewhere);
  CHECK(not_there.exit_code == 1);
  CHECK(has(not_there.err, "is not in organization 'contoso-lab'"));

  auto parent = reboot("job-contoso", "Thermostats");
  parent.insert(parent.end(), {"--organization", "contoso"});
  const auto accepted = cli.run(parent);
  INFO(accepted.err);
  CHECK(accepted.exit_code == 0);
  CHECK(cli.run({"show", "job-contoso", "-o", "csv", "--columns", "id,organizations"}).out ==
        "id,organizations\njob-contoso,contoso\n");
}
