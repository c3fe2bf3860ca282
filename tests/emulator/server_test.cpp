// The server's envelope: first line, auth, api-version, 404/405, error bodies, shutdown.
#include <signal.h>

#include <catch2/catch.hpp>

#include "e2e_helpers.hpp"

using namespace iotc::testing;

namespace {

void check_error_body(const EmulatorProcess::Response& r, int status, const std::string& code) {
  CHECK(r.status == status);
  REQUIRE(r.body.is_object());
  REQUIRE(r.body.contains("error"));
  CHECK(r.body["error"]["code"] == code);
  CHECK(r.body["error"]["message"].is_string());
  CHECK(r.body["error"]["requestId"].is_string());
  CHECK(r.body["error"]["time"].get<std::string>().find("GMT") != std::string::npos);
  CHECK(r.headers.at("x-ms-error-code") == code);
}

}  // namespace

TEST_CASE("the first stdout line is the base URL on a free loopback port") {
  EmulatorProcess emulator;
  CHECK(emulator.base_url().rfind("http://127.0.0.1:", 0) == 0);
  CHECK(emulator.base_url() != "http://127.0.0.1:0");
  auto r = emulator.request("GET", api("jobs"));
  CHECK(r.status == 200);
  CHECK(r.body["value"].is_array());
}

TEST_CASE("auth: missing, wrong and both schemes") {
  EmulatorProcess emulator({"--token", "Bearer aad-token", "--token", "bare-token"});
  check_error_body(emulator.request_raw("GET", api("jobs"), {}), 401, "Unauthorized");
  check_error_body(
      emulator.request_raw("GET", api("jobs"), {{"Authorization", "SharedAccessSignature nope"}}),
      401, "Unauthorized");
  check_error_body(emulator.request_raw("GET", api("jobs"), {{"Authorization", "Basic x"}}), 401,
                   "Unauthorized");
  CHECK(emulator.request_raw("GET", api("jobs"), {{"Authorization", kTestToken}}).status == 200);
  CHECK(emulator.request_raw("GET", api("jobs"), {{"Authorization", "Bearer aad-token"}}).status ==
        200);
  CHECK(emulator.request_raw("GET", api("jobs"), {{"Authorization", "Bearer bare-token"}}).status ==
        200);
  CHECK(
      emulator
          .request_raw("GET", api("jobs"), {{"Authorization", "SharedAccessSignature bare-token"}})
          .status == 200);
  // The admin API takes the same tokens.
  check_error_body(emulator.request_raw("GET", "/_emulator/clock", {}), 401, "Unauthorized");
}

TEST_CASE("a token file is read, one token per line") {
  TempDir dir;
  write_file(dir.file("tokens"), "# test tokens\nBearer from-file\n");
  EmulatorProcess emulator({"--token-file", dir.file("tokens")});
  CHECK(emulator.request_raw("GET", api("jobs"), {{"Authorization", "Bearer from-file"}}).status ==
        200);
}

TEST_CASE("api-version is required and must be supported") {
  EmulatorProcess emulator;
  check_error_body(emulator.request("GET", "/api/jobs"), 400, "MissingApiVersionParameter");
  auto r = emulator.request("GET", "/api/jobs?api-version=2021-01-01");
  check_error_body(r, 400, "InvalidApiVersionParameter");
  CHECK(r.body["error"]["message"].get<std::string>().find("2022-07-31") != std::string::npos);
  for (const char* version : kVersions) {
    CHECK(emulator.request("GET", api("jobs", version)).status == 200);
  }
}

TEST_CASE("an unknown path is 404, a wrong method 405 with Allow") {
  EmulatorProcess emulator;
  check_error_body(emulator.request("GET", api("nothing-here")), 404, "NotFound");
  check_error_body(emulator.request("GET", "/?api-version=2022-07-31"), 404, "NotFound");
  auto r = emulator.request("DELETE", api("jobs/job-1"));
  check_error_body(r, 405, "MethodNotAllowed");
  CHECK(r.headers.at("allow").find("PUT") != std::string::npos);
  check_error_body(emulator.request("GET", api("jobs/job-1/stop")), 405, "MethodNotAllowed");
}

TEST_CASE("device-group detail routes exist only in the 2022 versions") {
  EmulatorProcess emulator;
  CHECK(emulator.request("GET", api(std::string("deviceGroups/") + kThermostatsGroup)).status ==
        200);
  check_error_body(
      emulator.request("GET", api(std::string("deviceGroups/") + kThermostatsGroup, "preview")),
      404, "NotFound");
}

TEST_CASE("SIGTERM stops the emulator cleanly") {
  EmulatorProcess emulator;
  emulator.stop();
  CHECK(emulator.last_exit_code() == 0);
}

TEST_CASE("help documents the options and exits 0, a bad option exits 2") {
  auto help = run_process({emulator_binary(), "--help"});
  CHECK(help.exit_code == 0);
  for (const char* option :
       {"--listen", "--token", "--token-file", "--state", "--seed", "--page-size", "--time-scale",
        "--manual-clock", "--device-time", "--tls-cert", "--tls-key"}) {
    CHECK(help.out.find(option) != std::string::npos);
  }
  CHECK(run_process({emulator_binary(), "--no-such-option"}).exit_code == 2);
  CHECK(run_process({emulator_binary(), "--listen", "nonsense"}).exit_code == 2);
}

TEST_CASE("SIGINT stops the emulator cleanly too") {
  EmulatorProcess emulator;
  emulator.stop(SIGINT);
  CHECK(emulator.last_exit_code() == 0);
}

TEST_CASE("a bad seed file stops the start with its place named, exit 1") {
  TempDir dir;
  write_file(dir.file("seed.json"), R"({"groups": [{"id": "g", "devices": ["ghost"]}]})");
  auto r =
      run_process({emulator_binary(), "--listen", "127.0.0.1:0", "--seed", dir.file("seed.json")});
  CHECK(r.exit_code == 1);
  CHECK(r.out.empty());
  CHECK(r.err.find("groups[0].devices[0]: unknown device 'ghost'") != std::string::npos);
}

TEST_CASE("answers carry a request id and echo the client's") {
  EmulatorProcess emulator;
  auto r = emulator.request_raw(
      "GET", api("jobs"), {{"Authorization", kTestToken}, {"x-ms-client-request-id", "abc-1"}});
  CHECK(r.headers.at("x-ms-client-request-id") == "abc-1");
  CHECK(r.headers.at("x-ms-request-id").size() == 36);
}
