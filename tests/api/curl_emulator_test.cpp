// The real CurlTransport and Client against a real iotc-jobs-emulator process on loopback:
// keep-alive, every injected fault, TLS through --cacert, auth errors, foreign nextLinks.

#include <catch2/catch.hpp>
#include <set>
#include <sstream>

#include "api/client.hpp"
#include "api/curl_transport.hpp"
#include "emulator.hpp"
#include "errors.hpp"
#include "process.hpp"
#include "util/uuid.hpp"

using namespace std::chrono_literals;
using iotc::api::Client;
using iotc::api::ClientOptions;
using iotc::api::CurlTransport;
using iotc::model::Json;
using iotc::testing::EmulatorProcess;

namespace {

constexpr const char* kThermostats = "833d7a7d-8f99-4e04-9e56-745806bdba6e";  // 40 devices

ClientOptions options_for(const EmulatorProcess& emulator) {
  ClientOptions options;
  options.base_url = emulator.base_url();
  options.authorization = iotc::testing::kTestToken;
  options.token_origin = "IOTC_API_TOKEN";
  options.target = emulator.base_url();
  options.request_id = iotc::util::new_uuid_v4();
  options.retry.base = 50ms;  // keep the suite fast; the policy's maths is unit-tested
  options.retry.cap = 200ms;
  return options;
}

// A Client with its own transport, clock and tracer, as one command would have.
struct Session {
  Session([[maybe_unused]] const EmulatorProcess& emulator, ClientOptions options,
          iotc::api::CurlOptions curl = {})
      : transport(std::move(curl)),
        client(std::move(options), transport, clock, iotc::api::system_random(), tracer) {}
  explicit Session(const EmulatorProcess& emulator) : Session(emulator, options_for(emulator)) {}

  std::ostringstream trace;
  CurlTransport transport;
  iotc::api::SystemClock clock;
  iotc::api::Tracer tracer{trace, iotc::api::TraceLevel::verbose};
  Client client;
};

void inject(const EmulatorProcess& emulator, Json fault) {
  auto response = emulator.request("POST", "/_emulator/faults", fault);
  REQUIRE(response.status == 201);
}

// The service requests the emulator logged (the admin calls excluded).
std::vector<Json> service_requests(const EmulatorProcess& emulator) {
  auto response = emulator.request("GET", "/_emulator/requests");
  REQUIRE(response.status == 200);
  std::vector<Json> entries;
  for (const auto& entry : response.body["value"]) {
    if (entry["path"].get<std::string>().rfind("/api/", 0) == 0) entries.push_back(entry);
  }
  return entries;
}

int count_jobs(Client& client) {
  int count = 0;
  auto pager = client.list_jobs();
  while (pager.next()) ++count;
  return count;
}

}  // namespace

TEST_CASE("keep-alive: a 20-page listing uses one connection") {
  EmulatorProcess emulator({"--page-size", "2"});
  Session session(emulator);
  auto pager = session.client.device_group_devices(kThermostats);
  std::set<std::string> ids;
  while (auto item = pager.next()) ids.insert(item->raw["id"].get<std::string>());
  CHECK(ids.size() == 40);
  CHECK(pager.pages_fetched() == 20);
  CHECK(session.transport.connections_opened() == 1);

  std::set<std::string> connections;
  auto log = service_requests(emulator);
  CHECK(log.size() == 20);
  for (const auto& entry : log) {
    connections.insert(entry["connection"].get<std::string>());
    // api-version is on every page exactly once.
    const std::string query = entry["query"].get<std::string>();
    CHECK(query.find("api-version=2022-07-31") != std::string::npos);
    CHECK(query.find("api-version") == query.rfind("api-version"));
  }
  CHECK(connections.size() == 1);
}

TEST_CASE("injected faults are retried and then succeed") {
  EmulatorProcess emulator;
  Session session(emulator);
  const std::string kind = GENERATE("429", "429-no-retry-after", "500", "503", "drop", "truncate");
  CAPTURE(kind);
  inject(emulator, {{"kind", kind}, {"path", "/api/jobs"}, {"count", 2}, {"retryAfter", 1}});
  count_jobs(session.client);
  auto log = service_requests(emulator);
  CHECK(log.size() == 3);  // two faults, then the answer
  CHECK(session.trace.str().find("retry 2/4") != std::string::npos);
}

TEST_CASE("Retry-After from the emulator is honoured") {
  EmulatorProcess emulator;
  Session session(emulator);
  inject(emulator, {{"kind", "429"}, {"path", "/api/jobs"}, {"count", 1}, {"retryAfter", 1}});
  const auto start = std::chrono::steady_clock::now();
  count_jobs(session.client);
  CHECK(std::chrono::steady_clock::now() - start >= 1s);
  CHECK(session.trace.str().find("retrying in 1.0 s") != std::string::npos);
}

TEST_CASE("faults that outlast the retries end in the right error") {
  EmulatorProcess emulator;
  ClientOptions options = options_for(emulator);
  options.retry.max_retries = 2;

  SECTION("503 -> ServiceError with the service's status, after 2 retries") {
    Session session(emulator, options);
    inject(emulator, {{"kind", "503"}, {"path", "/api/jobs"}, {"count", 5}});
    try {
      count_jobs(session.client);
      FAIL("no exception");
    } catch (const iotc::ServiceError& e) {
      CHECK(e.http_status() == 503);
      CHECK(std::string(e.what()).find("after 2 retries") != std::string::npos);
    }
    CHECK(service_requests(emulator).size() == 3);
  }
  SECTION("dropped connections -> NetworkError") {
    Session session(emulator, options);
    inject(emulator, {{"kind", "drop"}, {"path", "/api/jobs"}, {"count", 5}});
    CHECK_THROWS_AS(count_jobs(session.client), iotc::NetworkError);
  }
  SECTION("truncated bodies -> NetworkError") {
    Session session(emulator, options);
    inject(emulator, {{"kind", "truncate"}, {"path", "/api/jobs"}, {"count", 5}});
    CHECK_THROWS_AS(count_jobs(session.client), iotc::NetworkError);
  }
  SECTION("--retries 0: the first 500 is final") {
    options.retry.max_retries = 0;
    Session session(emulator, options);
    inject(emulator, {{"kind", "500"}, {"path", "/api/jobs"}, {"count", 1}});
    CHECK_THROWS_AS(count_jobs(session.client), iotc::ServiceError);
    CHECK(service_requests(emulator).size() == 1);
  }
}

TEST_CASE("a slow answer: the attempt timeout cuts it and a retry succeeds") {
  EmulatorProcess emulator;
  ClientOptions options = options_for(emulator);
  options.retry.attempt_timeout = 500ms;
  Session session(emulator, options);
  inject(emulator, {{"kind", "slow"}, {"path", "/api/jobs"}, {"count", 1}, {"delayMs", 3000}});
  count_jobs(session.client);
  CHECK(session.trace.str().find("timed out") != std::string::npos);
}

TEST_CASE("a slow answer past --timeout is a TimeoutError") {
  EmulatorProcess emulator;
  ClientOptions options = options_for(emulator);
  options.timeout = 700ms;
  Session session(emulator, options);
  inject(emulator, {{"kind", "slow"}, {"path", "/api/jobs"}, {"count", 5}, {"delayMs", 3000}});
  const auto start = std::chrono::steady_clock::now();
  CHECK_THROWS_AS(count_jobs(session.client), iotc::TimeoutError);
  CHECK(std::chrono::steady_clock::now() - start < 2s);
}

TEST_CASE("stop is retried after a 503 (it is idempotent)") {
  EmulatorProcess emulator;
  Session session(emulator);
  Json job = {{"displayName", "t"},
              {"group", kThermostats},
              {"data",
               {{{"type", "property"},
                 {"target", "dtmi:modelDefinition:zomtmdxh:eqod32zbyl"},
                 {"path", "targetTemperature"},
                 {"value", 21}}}}};
  auto created = session.client.create_job("retry-stop", job);
  CHECK(created.value.id == "retry-stop");
  inject(emulator, {{"kind", "503"}, {"method", "POST"}, {"path", "/api/jobs/"}, {"count", 1}});
  session.client.stop_job("retry-stop");
  auto log = service_requests(emulator);
  int posts = 0;
  for (const auto& entry : log) posts += entry["method"] == "POST" ? 1 : 0;
  CHECK(posts == 2);
}

TEST_CASE("a wrong token is an AuthError naming its origin, never the token") {
  EmulatorProcess emulator;
  ClientOptions options = options_for(emulator);
  options.authorization = "Bearer wrong-token-canary-123";
  options.token_origin = "--token-file /tmp/t";
  Session session(emulator, options);
  try {
    session.client.get_job("x");
    FAIL("no exception");
  } catch (const iotc::AuthError& e) {
    std::string message = e.what();
    CHECK(message.find("--token-file /tmp/t") != std::string::npos);
    CHECK(message.find(emulator.base_url()) != std::string::npos);
    CHECK(message.find("canary") == std::string::npos);
  }
  CHECK(session.trace.str().find("canary") == std::string::npos);
}

TEST_CASE("404 from the emulator is a NotFoundError") {
  EmulatorProcess emulator;
  Session session(emulator);
  CHECK_THROWS_AS(session.client.get_job("no-such-job"), iotc::NotFoundError);
}

TEST_CASE("a nextLink to another host is refused before anything is sent there") {
  EmulatorProcess emulator({"--page-size", "2", "--public-url", "http://127.0.0.2:9"});
  Session session(emulator);
  auto pager = session.client.device_group_devices(kThermostats);
  CHECK(pager.next());
  CHECK(pager.next());
  CHECK_THROWS_WITH(pager.next(), Catch::Contains("refusing to follow"));
  CHECK(service_requests(emulator).size() == 1);
}

namespace {

// A CA and a server certificate for 127.0.0.1 signed by it, made with openssl at run time.
struct TestPki {
  iotc::testing::TempDir dir;
  std::string ca_cert = dir.file("ca.pem");
  std::string server_cert = dir.file("server.pem");
  std::string server_key = dir.file("server.key");

  TestPki() {
    auto run = [](std::vector<std::string> argv) {
      auto result = iotc::testing::run_process(argv);
      INFO(result.err);
      REQUIRE(result.exit_code == 0);
    };
    iotc::testing::write_file(dir.file("ext.cnf"),
                              "subjectAltName=IP:127.0.0.1,DNS:localhost\n"
                              "basicConstraints=CA:FALSE\n");
    run({"openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj",
         "/CN=iotc-jobs test CA", "-keyout", dir.file("ca.key"), "-out", ca_cert});
    run({"openssl", "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1", "-keyout",
         server_key, "-out", dir.file("server.csr")});
    run({"openssl", "x509", "-req", "-in", dir.file("server.csr"), "-CA", ca_cert, "-CAkey",
         dir.file("ca.key"), "-CAcreateserial", "-days", "2", "-extfile", dir.file("ext.cnf"),
         "-out", server_cert});
  }
};

}  // namespace

TEST_CASE("TLS: a self-signed CA is trusted through --cacert, and only then") {
  TestPki pki;
  EmulatorProcess emulator({"--tls-cert", pki.server_cert, "--tls-key", pki.server_key});
  REQUIRE(emulator.base_url().rfind("https://", 0) == 0);

  SECTION("without --cacert the certificate is refused, at once (no retries)") {
    Session session(emulator);
    CHECK_THROWS_AS(session.client.get_job("x"), iotc::NetworkError);
    CHECK(session.trace.str().find("TLS") != std::string::npos);
    CHECK(session.trace.str().find("retry") == std::string::npos);
  }
  SECTION("with --cacert it is trusted, in addition to the system bundle") {
    iotc::api::CurlOptions curl;
    curl.cacert = pki.ca_cert;
    Session session(emulator, options_for(emulator), curl);
    CHECK_THROWS_AS(session.client.get_job("no-such-job"), iotc::NotFoundError);  // it got through
    CHECK(count_jobs(session.client) >= 0);
  }
  SECTION("an unreadable --cacert is a usage error") {
    iotc::api::CurlOptions curl;
    curl.cacert = pki.dir.file("missing.pem");
    CHECK_THROWS_AS(CurlTransport(curl), iotc::UsageError);
  }
}

TEST_CASE("nothing listens: connection refused is a NetworkError after the retries") {
  ClientOptions options;
  options.base_url = "http://127.0.0.1:9";  // the discard port: nothing listens there
  options.retry.max_retries = 1;
  options.retry.base = 10ms;
  CurlTransport transport;
  iotc::api::SystemClock clock;
  iotc::api::Tracer tracer;
  Client client(options, transport, clock, iotc::api::system_random(), tracer);
  CHECK_THROWS_AS(client.get_job("x"), iotc::NetworkError);
}

namespace {

// Sets environment variables for the scope of a test, restoring them after.
class ScopedEnv {
 public:
  explicit ScopedEnv(std::vector<std::pair<std::string, std::string>> vars) {
    for (auto& [name, value] : vars) {
      const char* old = std::getenv(name.c_str());
      saved_.emplace_back(name, old ? std::optional<std::string>(old) : std::nullopt);
      setenv(name.c_str(), value.c_str(), 1);
    }
  }
  ~ScopedEnv() {
    for (auto& [name, value] : saved_) {
      if (value) {
        setenv(name.c_str(), value->c_str(), 1);
      } else {
        unsetenv(name.c_str());
      }
    }
  }

 private:
  std::vector<std::pair<std::string, std::optional<std::string>>> saved_;
};

}  // namespace

TEST_CASE("proxies come from the environment, but never for loopback") {
  EmulatorProcess emulator;
  // A proxy where nothing listens: any request that goes through it fails to connect.
  ScopedEnv proxy({{"http_proxy", "http://127.0.0.1:9"},
                   {"https_proxy", "http://127.0.0.1:9"},
                   {"HTTPS_PROXY", "http://127.0.0.1:9"},
                   {"ALL_PROXY", "http://127.0.0.1:9"}});
  SECTION("the emulator on loopback is reached directly") {
    Session session(emulator);
    CHECK(count_jobs(session.client) >= 0);
  }
  SECTION("another host goes through the proxy") {
    CurlTransport transport;
    iotc::api::Request request;
    request.url = "https://app.example.invalid/api/jobs";
    request.timeout = 5s;
    auto result = transport.send(request);
    REQUIRE(std::holds_alternative<iotc::api::TransportError>(result));
    // Without the proxy this would be a DNS failure for .invalid; through it, the proxy's
    // connection is refused.
    CHECK(std::get<iotc::api::TransportError>(result).kind ==
          iotc::api::TransportErrorKind::connect_failed);
  }
}

TEST_CASE("without a proxy, an unknown host is a DNS error") {
  iotc::api::CurlOptions options;
  options.no_proxy = "*";  // as NO_PROXY=* would give through the settings
  CurlTransport transport(options);
  iotc::api::Request request;
  request.url = "https://app.example.invalid/api/jobs";
  request.timeout = 5s;
  auto result = transport.send(request);
  REQUIRE(std::holds_alternative<iotc::api::TransportError>(result));
  CHECK(std::get<iotc::api::TransportError>(result).kind == iotc::api::TransportErrorKind::dns);
}
