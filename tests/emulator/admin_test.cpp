// The admin API: injected faults, the request log (with connection ids) and the clock.
#include <httplib.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <thread>

#include "e2e_helpers.hpp"

using namespace iotc::testing;

namespace {

EmulatorProcess::Response add_fault(const EmulatorProcess& emulator, const Json& fault) {
  auto r = emulator.request("POST", "/_emulator/faults", fault);
  REQUIRE(r.status == 201);
  return r;
}

}  // namespace

TEST_CASE("429 with and without Retry-After, 500 and 503, each for its count") {
  EmulatorProcess emulator;
  add_fault(emulator, {{"kind", "429"}, {"retryAfter", 3}, {"count", 2}, {"path", "/api/jobs"}});
  for (int i = 0; i < 2; ++i) {
    auto r = emulator.request("GET", api("jobs"));
    CHECK(r.status == 429);
    CHECK(r.headers.at("retry-after") == "3");
    CHECK(r.body["error"]["code"] == "TooManyRequests");
  }
  CHECK(emulator.request("GET", api("jobs")).status == 200);

  add_fault(emulator, {{"kind", "429-no-retry-after"}});
  auto r = emulator.request("GET", api("deviceGroups"));
  CHECK(r.status == 429);
  CHECK_FALSE(r.headers.contains("retry-after"));

  add_fault(emulator, {{"faults", {{{"kind", "500"}}, {{"kind", "503"}}}}});
  CHECK(emulator.request("GET", api("jobs")).status == 500);
  CHECK(emulator.request("GET", api("jobs")).status == 503);
  CHECK(emulator.request("GET", api("jobs")).status == 200);
}

TEST_CASE("faults match by method and path prefix and skip the admin API") {
  EmulatorProcess emulator;
  add_fault(emulator, {{"kind", "500"}, {"method", "PUT"}, {"path", "/api/jobs/"}});
  CHECK(emulator.request("GET", "/_emulator/faults").body["value"].size() == 1);
  CHECK(emulator.request("GET", api("jobs")).status == 200);
  CHECK(emulator.request("GET", api("deviceGroups")).status == 200);
  CHECK(emulator.request("PUT", api("jobs/x"), seed_payload("job-006-put-body.json")).status ==
        500);
  CHECK(emulator.request("GET", "/_emulator/faults").body["value"].empty());
  add_fault(emulator, {{"kind", "500"}});
  CHECK(emulator.request("DELETE", "/_emulator/faults").status == 204);
  CHECK(emulator.request("GET", api("jobs")).status == 200);
  CHECK(emulator.request("POST", "/_emulator/faults", Json{{"kind", "teapot"}}).status == 400);
}

TEST_CASE("a slow answer comes after the delay") {
  EmulatorProcess emulator;
  add_fault(emulator, {{"kind", "slow"}, {"delayMs", 300}});
  auto start = std::chrono::steady_clock::now();
  CHECK(emulator.request("GET", api("jobs")).status == 200);
  CHECK(std::chrono::steady_clock::now() - start >= std::chrono::milliseconds(300));
}

TEST_CASE("a dropped connection gets no answer, a truncated body is cut short") {
  EmulatorProcess emulator;
  add_fault(emulator, {{"kind", "drop"}});
  CHECK(emulator.request("GET", api("jobs")).status == 0);
  add_fault(emulator, {{"kind", "truncate"}});
  auto cut = emulator.request("GET", api("deviceGroups"));
  // httplib reports a body shorter than its Content-Length as a failed request.
  CHECK(cut.status == 0);
  CHECK(emulator.request("GET", api("deviceGroups")).status == 200);
  auto log = emulator.request("GET", "/_emulator/requests").body["value"];
  REQUIRE(log.size() == 3);
  CHECK(log[0]["fault"] == "drop");
  CHECK(log[0]["status"] == 0);
  CHECK(log[1]["fault"] == "truncate");
}

TEST_CASE("the request log has method, path, status and connection, never the token") {
  EmulatorProcess emulator;
  emulator.request("GET", api("jobs"));
  emulator.request_raw("GET", api("jobs"), {});  // 401
  auto r = emulator.request("GET", "/_emulator/requests");
  REQUIRE(r.status == 200);
  auto log = r.body["value"];
  REQUIRE(log.size() == 2);  // admin calls are not logged
  CHECK(log[0]["method"] == "GET");
  CHECK(log[0]["path"] == "/api/jobs");
  CHECK(log[0]["query"] == "api-version=2022-07-31");
  CHECK(log[0]["status"] == 200);
  CHECK(log[1]["status"] == 401);
  CHECK(log[0]["connection"].get<std::string>().rfind("127.0.0.1:", 0) == 0);
  CHECK(r.text.find("test-signature") == std::string::npos);
  CHECK(r.text.find("SharedAccessSignature") == std::string::npos);
  CHECK(emulator.request("DELETE", "/_emulator/requests").status == 204);
  CHECK(emulator.request("GET", "/_emulator/requests").body["value"].empty());
}

TEST_CASE("the connection id tells keep-alive from new connections") {
  EmulatorProcess emulator;
  httplib::Client client(emulator.base_url());
  client.set_keep_alive(true);
  httplib::Headers auth = {{"Authorization", kTestToken}};
  for (int i = 0; i < 3; ++i) REQUIRE(client.Get(api("jobs").c_str(), auth)->status == 200);
  emulator.request("GET", api("jobs"));  // its own connection
  auto log = emulator.request("GET", "/_emulator/requests").body["value"];
  REQUIRE(log.size() == 4);
  CHECK(log[0]["connection"] == log[1]["connection"]);
  CHECK(log[1]["connection"] == log[2]["connection"]);
  CHECK(log[2]["connection"] != log[3]["connection"]);
}

TEST_CASE("the clock advances by a duration or a number of seconds") {
  EmulatorProcess emulator({"--manual-clock"});
  auto before = emulator.request("GET", "/_emulator/clock").body;
  CHECK(before["manual"] == true);
  auto after = emulator.request("POST", "/_emulator/clock", Json{{"advance", "1h"}}).body;
  CHECK(after["now"] != before["now"]);
  CHECK(emulator.request("POST", "/_emulator/clock", Json{{"advance", 30}}).status == 200);
  CHECK(emulator.request("POST", "/_emulator/clock", Json{{"advance", "soon"}}).status == 400);
  CHECK(emulator.request("POST", "/_emulator/clock", Json{{"advance", -1}}).status == 400);
}

TEST_CASE("the rate limit answers 429 with Retry-After beyond N requests per second") {
  EmulatorProcess emulator({"--rate-limit", "3"});
  int throttled = 0;
  for (int i = 0; i < 10; ++i) {
    auto r = emulator.request("GET", api("jobs"));
    if (r.status == 429) {
      ++throttled;
      CHECK(r.headers.at("retry-after") == "1");
      CHECK(r.body["error"]["code"] == "TooManyRequests");
    }
  }
  CHECK(throttled >= 5);
  CHECK(emulator.request("GET", "/_emulator/clock").status == 200);  // the admin API is exempt
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  CHECK(emulator.request("GET", api("jobs")).status == 200);
}
