// The emulator against a hostile or careless client (issue 12, items 15-18 and 20-24): bodies
// read only after auth and within caps, token files and tokens taken as meant, nesting that a
// listing survives, a clock and faults that refuse out-of-range numbers, a log that shows
// control characters escaped, one emulator per port, and bodiless POSTs.
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <thread>

#include "e2e_helpers.hpp"
#include "raw_http.hpp"

using namespace iotc::testing;
using namespace std::chrono_literals;

namespace {

std::string head(const std::string& method, const std::string& path,
                 const std::string& extra_headers) {
  return method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extra_headers + "\r\n";
}

std::string auth() {
  return std::string("Authorization: ") + kTestToken + "\r\n";
}

Json error_of(const std::string& answer) {
  return Json::parse(body_of(answer), nullptr, false);
}

// An object nested `depth` levels (arrays and objects) as a job payload: the payload object,
// data, the item, then its value.
Json job_nested(std::size_t depth) {
  Json value = Json::object();
  for (std::size_t level = 4; level < depth; ++level) value = Json::array({value});
  return {{"group", kThermostatsGroup},
          {"data",
           {{{"type", "property"},
             {"target", "dtmi:modelDefinition:zomtmdxh:eqod32zbyl"},
             {"path", "targetTemperature"},
             {"value", value}}}}};
}

int free_port() {
  int sock = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(sock, reinterpret_cast<sockaddr*>(&address), sizeof address);
  socklen_t length = sizeof address;
  getsockname(sock, reinterpret_cast<sockaddr*>(&address), &length);
  ::close(sock);
  return ntohs(address.sin_port);
}

}  // namespace

TEST_CASE("hostile: auth is checked from the headers before a byte of the body is read",
          "[hostile]") {
  EmulatorProcess emulator;
  RawConnection connection(emulator.base_url());
  REQUIRE(connection.connected());
  // 1 GB announced, nothing sent: the answer must come from the headers alone.
  connection.send(head("PUT", api("jobs/big"),
                       "Content-Type: application/json\r\nContent-Length: 1000000000\r\n"));
  auto started = std::chrono::steady_clock::now();
  std::string answer = connection.receive(3s);
  CHECK(std::chrono::steady_clock::now() - started < 2s);
  CHECK(status_of(answer) == 401);
  CHECK(error_of(answer)["error"]["code"] == "Unauthorized");
  CHECK(answer.find("Connection: close") != std::string::npos);  // the body is left unread
}

TEST_CASE("hostile: a body over the cap is 413 with the error body, before it is read",
          "[hostile]") {
  EmulatorProcess emulator;
  RawConnection connection(emulator.base_url());
  REQUIRE(connection.connected());
  connection.send(
      head("PUT", api("jobs/big"),
           auth() + "Content-Type: application/json\r\nContent-Length: 1000000000\r\n"));
  std::string answer = connection.receive(3s);
  CHECK(status_of(answer) == 413);
  Json error = error_of(answer);
  CHECK(error["error"]["code"] == "PayloadTooLarge");
  CHECK(error["error"]["requestId"].is_string());
  CHECK(error["error"]["time"].is_string());
  CHECK(error["error"]["message"].get<std::string>().find("4194304") != std::string::npos);
  // A job payload of a real size is still read.
  CHECK(emulator.request("PUT", api("jobs/fine"), job_nested(5)).status == 200);
}

TEST_CASE("hostile: a bodiless POST without Content-Length is an empty body", "[hostile]") {
  EmulatorProcess emulator;
  REQUIRE(emulator.request("PUT", api("jobs/j1"), seed_payload("job-006-put-body.json")).status ==
          200);
  for (const std::string& path : {api("jobs/j1/stop"), std::string("/_emulator/reset")}) {
    RawConnection connection(emulator.base_url());
    REQUIRE(connection.connected());
    connection.send(head("POST", path, auth()));  // what `curl -X POST URL` sends
    auto started = std::chrono::steady_clock::now();
    std::string answer = connection.receive(4s);
    INFO(path << ": " << answer);
    CHECK(status_of(answer) == 204);
    CHECK(std::chrono::steady_clock::now() - started < 2s);
  }
}

TEST_CASE("hostile: a token file with only comments and blank lines refuses to start",
          "[hostile]") {
  TempDir dir;
  write_file(dir.file("tokens"), "# no token yet\n\n   \n# fill me\n");
  auto r = run_process(
      {emulator_binary(), "--listen", "127.0.0.1:0", "--token-file", dir.file("tokens")}, {}, {},
      10s);
  CHECK(r.exit_code == 1);
  CHECK(r.out.empty());
  CHECK(r.err.find("holds no token") != std::string::npos);
}

TEST_CASE("hostile: a SAS token with percent-encoding is accepted as generated", "[hostile]") {
  const std::string token =
      "SharedAccessSignature sr=3d2c9b6e-app&sig=AbC%2Bdef%2FghI%3D&skn=operator&se=4102444800";
  EmulatorProcess emulator({"--token", token});
  CHECK(emulator.request_raw("GET", api("jobs"), {{"Authorization", token}}).status == 200);
  CHECK(emulator
            .request_raw("GET", api("jobs"),
                         {{"Authorization",
                           "SharedAccessSignature sr=3d2c9b6e-app&sig=AbC%2Bdef%2FghI%3E&skn="
                           "operator&se=4102444800"}})
            .status == 401);
}

TEST_CASE("hostile: a job at the accepted depth limit still lists, one level deeper is 400",
          "[hostile]") {
  EmulatorProcess emulator;
  auto deepest = emulator.request("PUT", api("jobs/deep"), job_nested(98));
  REQUIRE(deepest.status == 200);
  auto deeper = emulator.request("PUT", api("jobs/deeper"), job_nested(99));
  CHECK(deeper.status == 400);
  CHECK(deeper.body["error"]["message"].get<std::string>().find("98 levels") != std::string::npos);
  // The real client lists the app, the deep job inside a page.
  TempDir home;
  auto listed = run_process({cli_binary(), "list", "-o", "json"},
                            {{"IOTC_BASE_URL", emulator.base_url()},
                             {"IOTC_API_TOKEN", std::string(kTestToken)},
                             {"HOME", home.path()},
                             {"XDG_CONFIG_HOME", home.path()},
                             {"IOTC_APP", std::nullopt},
                             {"IOTC_PROFILE", std::nullopt}},
                            {}, 30s);
  INFO(listed.err);
  CHECK(listed.exit_code == 0);
  CHECK(listed.out.find("\"deep\"") != std::string::npos);
}

TEST_CASE("hostile: the clock refuses advances and scales out of range", "[hostile]") {
  EmulatorProcess emulator({"--manual-clock"});
  auto before = emulator.request("GET", "/_emulator/clock").body["now"];
  for (const Json& advance : {Json(1e300), Json("1e300d"), Json("1e300"), Json(9.3e15)}) {
    INFO(advance.dump());
    CHECK(emulator.request("POST", "/_emulator/clock", Json{{"advance", advance}}).status == 400);
  }
  CHECK(emulator.request("GET", "/_emulator/clock").body["now"] == before);
  // Up to the last time RFC 3339 writes, and not past it.
  auto far = emulator.request("POST", "/_emulator/clock", Json{{"advance", "2920000d"}});
  CHECK(far.status == 400);
  CHECK(far.body["error"]["message"].get<std::string>().find("9999-12-31") != std::string::npos);
  CHECK(emulator.request("POST", "/_emulator/clock", Json{{"advance", "36500d"}}).status == 200);
  for (const char* scale : {"1e300", "inf", "1000001"}) {
    INFO(scale);
    CHECK(run_process({emulator_binary(), "--listen", "127.0.0.1:0", "--time-scale", scale}, {}, {},
                      10s)
              .exit_code == 2);
  }
  CHECK(run_process({emulator_binary(), "--listen", "127.0.0.1:0", "--device-time", "1e300d"}, {},
                    {}, 10s)
            .exit_code == 2);
}

TEST_CASE("hostile: fault numbers out of range are 400 naming the field and its range",
          "[hostile]") {
  EmulatorProcess emulator;
  struct Case {
    Json fault;
    std::string field;
  };
  for (const auto& c :
       {Case{{{"kind", "429"}, {"count", 4294967297LL}}, "count"},
        Case{{{"kind", "429"}, {"count", 0}}, "count"},
        Case{{{"kind", "429"}, {"retryAfter", 2147483648LL}}, "retryAfter"},
        Case{{{"kind", "429"}, {"retryAfter", 18446744073709551615ULL}}, "retryAfter"},
        Case{{{"kind", "slow"}, {"delayMs", 3600001}}, "delayMs"}}) {
    auto r = emulator.request("POST", "/_emulator/faults", c.fault);
    INFO(c.fault.dump() << " -> " << r.text);
    CHECK(r.status == 400);
    std::string message = r.body["error"]["message"].get<std::string>();
    CHECK(message.find(c.field + " must be a whole number from") != std::string::npos);
  }
  CHECK(emulator.request("GET", "/_emulator/faults").body["value"].empty());
  auto ok = emulator.request("POST", "/_emulator/faults",
                             Json{{"kind", "429"}, {"retryAfter", 2147483647}});
  CHECK(ok.status == 201);
  CHECK(emulator.request("GET", api("jobs")).headers.at("retry-after") == "2147483647");
}

TEST_CASE("hostile: -v logs the request path with control characters escaped", "[hostile]") {
  const int port = free_port();
  const std::string url = "http://127.0.0.1:" + std::to_string(port);
  ProcessResult logged;
  std::thread emulator([&] {
    logged = run_process({emulator_binary(), "--listen", "127.0.0.1:" + std::to_string(port), "-v"},
                         {}, {}, 4s);
  });
  std::string answer;
  for (int attempt = 0; attempt < 40 && status_of(answer) == 0; ++attempt) {
    std::this_thread::sleep_for(50ms);
    RawConnection connection(url);
    if (!connection.connected()) continue;
    connection.send(head("GET", "/api/%1b%5d0;owned%07%1b%5b2J%0d%0aforged?api-version=2022-07-31",
                         "Authorization: Bearer x\r\n"));
    answer = connection.receive(2s);
  }
  emulator.join();
  CHECK(status_of(answer) == 404);
  CHECK(logged.err.find('\x1b') == std::string::npos);
  CHECK(logged.err.find('\x07') == std::string::npos);
  CHECK(logged.err.find("\r") == std::string::npos);
  INFO(logged.err);
  CHECK(logged.err.find("/api/\\x1b]0;owned\\x07\\x1b[2J\\x0d\\x0aforged 404") !=
        std::string::npos);
}

TEST_CASE("hostile: a second emulator on a port in use exits 1, address in use", "[hostile]") {
  EmulatorProcess first;
  std::string address = first.base_url().substr(std::string("http://").size());
  auto second = run_process({emulator_binary(), "--listen", address}, {}, {}, 5s);
  CHECK(second.exit_code == 1);
  CHECK(second.out.empty());
  CHECK(second.err.find("address in use") != std::string::npos);
  CHECK(first.request("GET", api("jobs")).status == 200);
}
