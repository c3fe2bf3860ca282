// An expired SAS token (se= in the past) is still sent: the service's clock decides, and a CI
// runner's clock may be wrong. When the service refuses it, the message says when it expired
// and how to get a new one (exit 4).

#include <catch2/catch.hpp>

#include "fixtures.hpp"

using namespace iotc::testing;

namespace {
// se=1600000000 is 2020-09-13T12:26:40Z.
const std::string kExpired =
    "SharedAccessSignature sr=emulator&sig=expired-signature&skn=test&se=1600000000";
}  // namespace

TEST_CASE("an expired token is sent, and a refusal says when it expired", "[e2e][auth]") {
  SECTION("the service refuses it: exit 4 with its expiry and how to get another") {
    EmulatorProcess emulator;  // accepts only the test token
    Cli cli(emulator);
    const auto result = cli.run({"list"}, {{"IOTC_API_TOKEN", kExpired}});
    CHECK(result.exit_code == 4);
    CHECK(result.out.empty());
    CHECK(has(result.err, "iotc-jobs: error: authentication failed"));
    CHECK(has(result.err,
              "the token from IOTC_API_TOKEN expired at 2020-09-13T12:26:40Z (by this machine's "
              "clock)"));
    CHECK(has(result.err, "Permissions > API tokens"));
    CHECK_FALSE(has(result.err, "expired-signature"));
    // It was sent: the service, not the client, refused it.
    const auto log = emulator.request("GET", "/_emulator/requests").body.at("value");
    REQUIRE(log.size() == 1);
    CHECK(log[0]["status"] == 401);
  }
  SECTION("the service still takes it (its clock decides): exit 0") {
    EmulatorProcess emulator({"--token", kExpired});
    Cli cli(emulator);
    const auto result = cli.run({"list", "-o", "json"}, {{"IOTC_API_TOKEN", kExpired}});
    INFO(result.err);
    CHECK(result.exit_code == 0);
    CHECK_FALSE(has(result.err, "expired"));
  }
  SECTION("a refused token that has not expired says nothing of expiry") {
    EmulatorProcess emulator;
    Cli cli(emulator);
    const auto result = cli.run(
        {"list"},
        {{"IOTC_API_TOKEN",
          std::string("SharedAccessSignature sr=emulator&sig=other-signature&skn=test&se=") +
              "4102444800"}});
    CHECK(result.exit_code == 4);
    CHECK_FALSE(has(result.err, "expired"));
  }
}
