#include "api/client.hpp"

#include <catch2/catch.hpp>

#include "api/next_link.hpp"
#include "errors.hpp"
#include "client_fixture.hpp"
#include "version.hpp"

using namespace std::chrono_literals;
using iotc::api::Client;
using iotc::api::ClientOptions;
using iotc::api::Request;
using iotc::testing::response;

namespace {

constexpr const char* kToken = "SharedAccessSignature sr=abc&sig=s3cr3tsignature&skn=op&se=99";

ClientOptions options(std::string base = "https://contoso.azureiotcentral.com") {
  ClientOptions o;
  o.base_url = std::move(base);
  o.authorization = kToken;
  o.token_origin = "IOTC_API_TOKEN";
  o.target = "app 'contoso'";
  o.request_id = "11111111-2222-4333-8444-555555555555";
  return o;
}

struct Fixture : iotc::testing::ClientFixture {
  Fixture() : ClientFixture(iotc::api::TraceLevel::debug) {}
  Client client(ClientOptions o = options()) { return client_with(std::move(o)); }
};

std::string page(std::initializer_list<std::string> ids, std::string next = {}) {
  iotc::model::Json value = iotc::model::Json::array();
  for (const auto& id : ids) value.push_back({{"id", id}, {"status", "running"}, {"x-extra", 1}});
  iotc::model::Json body = {{"value", value}};
  if (!next.empty()) body["nextLink"] = next;
  return body.dump();
}

}  // namespace

TEST_CASE_METHOD(Fixture, "every request carries User-Agent, one request id, Authorization") {
  transport.handler = [](const Request&) { return response(200, R"({"id":"j1"})"); };
  Client c = client();
  c.get_job("j1");
  c.get_job("j2");
  REQUIRE(transport.requests.size() == 2);
  for (const Request& request : transport.requests) {
    CHECK(request.headers.get("user-agent") == "iotc-jobs/" + std::string(iotc::kVersion));
    CHECK(request.headers.get("X-MS-Client-Request-Id") == "11111111-2222-4333-8444-555555555555");
    CHECK(request.headers.get("Authorization") == kToken);
  }
  CHECK(transport.requests[0].url ==
        "https://contoso.azureiotcentral.com/api/jobs/j1?api-version=2022-07-31");
}

TEST_CASE_METHOD(Fixture, "URLs: each endpoint, path segments encoded, every api-version") {
  transport.handler = [](const Request& r) {
    if (r.method == iotc::api::Method::post) return response(204);
    if (r.url.find("/devices") != std::string::npos ||
        r.url.find("/api/jobs?") != std::string::npos ||
        r.url.find("/api/deviceGroups?") != std::string::npos) {
      return response(200, page({}));
    }
    return response(200, R"({"id":"x"})");
  };
  ClientOptions o = options("http://127.0.0.1:8080/");
  o.api_version = iotc::model::ApiVersion::v2022_10_31_preview;
  o.page_size = 50;
  Client c = client(o);
  c.list_jobs().next();
  c.get_job("a b/c");
  c.job_devices("j1").next();
  c.create_job("j-1", {{"group", "g"}});
  c.stop_job("j1");
  c.resume_job("j1");
  c.rerun_job("j1", "r1");
  c.list_device_groups().next();
  c.get_device_group("g1");
  c.device_group_devices("g1").next();
  std::vector<std::string> lines;
  for (const auto& r : transport.requests) {
    lines.push_back(std::string(to_string(r.method)) + " " + r.url);
  }
  const std::string v = "api-version=2022-10-31-preview";
  const std::string base = "http://127.0.0.1:8080/api";
  CHECK(lines == std::vector<std::string>{
                     "GET " + base + "/jobs?" + v + "&maxpagesize=50",
                     "GET " + base + "/jobs/a%20b%2Fc?" + v,
                     "GET " + base + "/jobs/j1/devices?" + v,
                     "PUT " + base + "/jobs/j-1?" + v,
                     "POST " + base + "/jobs/j1/stop?" + v,
                     "POST " + base + "/jobs/j1/resume?" + v,
                     "PUT " + base + "/jobs/j1/rerun/r1?" + v,
                     "GET " + base + "/deviceGroups?" + v + "&maxpagesize=50",
                     "GET " + base + "/deviceGroups/g1?" + v,
                     "GET " + base + "/deviceGroups/g1/devices?" + v + "&maxpagesize=50",
                 });
  CHECK(transport.requests[3].body == R"({"group":"g"})");
  CHECK(transport.requests[3].headers.get("content-type") == "application/json");
}

TEST_CASE_METHOD(Fixture, "maxpagesize is sent only where the api-version has it") {
  transport.handler = [](const Request&) { return response(200, page({})); };
  ClientOptions o = options();
  o.page_size = 100;
  client(o).list_jobs().next();
  CHECK(transport.requests.at(0).url.find("maxpagesize") == std::string::npos);
}

TEST_CASE_METHOD(Fixture, "pages are fetched lazily, items keep their raw JSON") {
  const std::string base = "https://contoso.azureiotcentral.com/api/jobs";
  transport.handler = [&](const Request& r) {
    if (r.url.find("skip=2") != std::string::npos) return response(200, page({"c"}));
    return response(200, page({"a", "b"}, base + "?api-version=2022-07-31&skip=2"));
  };
  Client c = client();
  auto pager = c.list_jobs();
  CHECK(transport.requests.empty());  // nothing sent until the first item is asked for
  std::vector<std::string> ids;
  while (auto item = pager.next()) {
    ids.push_back(item->value.id.value_or("?"));
    CHECK(item->raw["x-extra"] == 1);  // unknown fields kept
    CHECK(item->value.status() == iotc::model::JobStatus::running);
  }
  CHECK(ids == std::vector<std::string>{"a", "b", "c"});
  CHECK(pager.pages_fetched() == 2);
  // api-version is not appended a second time to a nextLink that has it.
  CHECK(transport.requests.at(1).url == base + "?api-version=2022-07-31&skip=2");
}

TEST_CASE("a nextLink without api-version gets it, and a relative one is resolved") {
  const ClientOptions o = options();
  const auto follow = [&](std::string_view link) {
    return iotc::api::next_link_url(o.base_url, o.api_version, link);
  };
  CHECK(follow("https://contoso.azureiotcentral.com/api/jobs?skip=5") ==
        "https://contoso.azureiotcentral.com/api/jobs?skip=5&api-version=2022-07-31");
  CHECK(follow("https://CONTOSO.azureiotcentral.com:443/api/jobs") ==
        "https://CONTOSO.azureiotcentral.com:443/api/jobs?api-version=2022-07-31");
  CHECK(follow("/api/jobs?skip=5&api-version=preview") ==
        "https://contoso.azureiotcentral.com:443/api/jobs?skip=5&api-version=preview");
}

TEST_CASE("a nextLink to another scheme, host or port is refused") {
  const ClientOptions o = options();
  for (const char* link :
       {"https://evil.example/api/jobs", "http://contoso.azureiotcentral.com/api/jobs",
        "https://contoso.azureiotcentral.com:8443/api/jobs",
        "https://contoso.azureiotcentral.com.evil.example/api/jobs",
        "https://user@contoso.azureiotcentral.com/api/jobs", "ftp://x/y", "not a url"}) {
    CAPTURE(link);
    CHECK_THROWS_AS(iotc::api::next_link_url(o.base_url, o.api_version, link), iotc::Error);
  }
}

TEST_CASE_METHOD(Fixture, "paging to a foreign host fails before anything is sent there") {
  transport.handler = [](const Request&) {
    return response(200, page({"a"}, "https://evil.example/api/jobs?api-version=2022-07-31"));
  };
  Client c = client();
  auto pager = c.list_jobs();
  CHECK(pager.next().has_value());
  CHECK_THROWS_WITH(pager.next(),
                    Catch::Contains("refusing to follow") && Catch::Contains("evil.example"));
  REQUIRE(transport.requests.size() == 1);
}

TEST_CASE_METHOD(Fixture, "plain http is refused for a host that is not loopback") {
  CHECK_THROWS_AS(client(options("http://contoso.azureiotcentral.com")), iotc::UsageError);
  CHECK_THROWS_AS(client(options("http://10.0.0.1:8080")), iotc::UsageError);
  CHECK_THROWS_AS(client(options("contoso")), iotc::UsageError);
  CHECK_NOTHROW(client(options("http://127.0.0.1:8080")));
  CHECK_NOTHROW(client(options("http://127.1.2.3:8080")));
  CHECK_NOTHROW(client(options("http://localhost:8080")));
  CHECK_NOTHROW(client(options("http://[::1]:8080")));
}

TEST_CASE_METHOD(Fixture, "404 maps to NotFoundError") {
  transport.script = {response(404, R"({"error":{"code":"NotFound","message":"Job not found",
                                          "requestId":"r-1"}})")};
  try {
    client().get_job("nope");
    FAIL("no exception");
  } catch (const iotc::NotFoundError& e) {
    CHECK(std::string(e.what()).find("job 'nope' not found") != std::string::npos);
    CHECK(e.exit_code() == iotc::ExitCode::not_found);
    CHECK(e.request_id() == "r-1");
  }
}

TEST_CASE_METHOD(Fixture, "401 and 403 map to AuthError naming the target and token origin") {
  for (int status : {401, 403}) {
    transport.script = {response(status, R"({"error":{"code":"Unauthorized","message":"no"}})")};
    try {
      client().get_job("j1");
      FAIL("no exception");
    } catch (const iotc::AuthError& e) {
      std::string message = e.what();
      CHECK(message.find("app 'contoso'") != std::string::npos);
      CHECK(message.find("IOTC_API_TOKEN") != std::string::npos);
      CHECK(message.find("s3cr3t") == std::string::npos);
      CHECK(e.exit_code() == iotc::ExitCode::auth);
      CHECK(e.http_status() == status);
    }
  }
}

TEST_CASE_METHOD(Fixture, "other errors map to ServiceError with code, message and request id") {
  transport.script = {response(422, R"({"error":{"code":"InvalidBody","message":"bad batch",
                                          "requestId":"req-9","time":"t"}})")};
  try {
    client().create_job("j1", {{"group", "g"}});
    FAIL("no exception");
  } catch (const iotc::ServiceError& e) {
    CHECK(e.http_status() == 422);
    CHECK(e.code() == "InvalidBody");
    CHECK(e.request_id() == "req-9");
    CHECK(std::string(e.what()).find("bad batch") != std::string::npos);
  }
}

TEST_CASE_METHOD(Fixture, "an error body that is not JSON still gives the status and header code") {
  transport.script = {response(400, "<html>oops</html>", {{"x-ms-error-code", "BadThing"}})};
  try {
    client().stop_job("j1");
    FAIL("no exception");
  } catch (const iotc::ServiceError& e) {
    CHECK(e.http_status() == 400);
    CHECK(e.code() == "BadThing");
  }
}

TEST_CASE_METHOD(Fixture, "transport errors map to NetworkError after the retries") {
  transport.handler = [](const Request&) {
    return iotc::testing::transport_error(iotc::api::TransportErrorKind::connect_failed);
  };
  ClientOptions o = options();
  o.retry.max_retries = 2;
  CHECK_THROWS_AS(client(o).get_job("j1"), iotc::NetworkError);
  CHECK(transport.requests.size() == 3);
}

TEST_CASE_METHOD(Fixture, "the deadline maps to TimeoutError") {
  transport.latency = 20s;
  transport.handler = [](const Request&) { return response(503); };
  ClientOptions o = options();
  o.timeout = 30s;
  o.retry.max_retries = 10;
  CHECK_THROWS_AS(client(o).get_job("j1"), iotc::TimeoutError);
}

TEST_CASE_METHOD(Fixture, "a --timeout is one deadline for the whole command") {
  transport.latency = 4s;
  transport.handler = [](const Request&) { return response(200, R"({"id":"j"})"); };
  ClientOptions o = options();
  o.timeout = 10s;
  Client c = client(o);
  c.get_job("a");
  c.get_job("b");
  CHECK_THROWS_AS(c.get_job("c"), iotc::TimeoutError);  // 8 s used, 2 s left: the attempt times out
}

TEST_CASE_METHOD(Fixture, "a 200 body that is not JSON is a NetworkError") {
  transport.script = {response(200, "{truncated")};
  CHECK_THROWS_AS(client().get_job("j1"), iotc::NetworkError);
}

TEST_CASE_METHOD(Fixture, "stop and resume are retried, as the brief marks them idempotent") {
  transport.script = {response(503), response(204)};
  client().stop_job("j1");
  CHECK(transport.requests.size() == 2);
}

TEST_CASE_METHOD(Fixture, "the debug trace never shows the token") {
  transport.script = {response(200, R"({"id":"j1"})", {{"Set-Cookie", "session=abc"}})};
  client().get_job("j1");
  const std::string text = trace.str();
  CHECK(text.find("s3cr3tsignature") == std::string::npos);
  CHECK(text.find("Authorization: SharedAccessSignature [REDACTED]") != std::string::npos);
  CHECK(text.find("session=abc") == std::string::npos);
  CHECK(text.find("GET https://contoso.azureiotcentral.com/api/jobs/j1") != std::string::npos);
}

TEST_CASE_METHOD(Fixture, "an aborted transfer (Ctrl-C) is not retried and is InterruptedError") {
  transport.script = {iotc::testing::transport_error(iotc::api::TransportErrorKind::aborted),
                      response(200)};
  CHECK_THROWS_AS(client().get_job("j1"), iotc::InterruptedError);
  CHECK(transport.requests.size() == 1);
}

TEST_CASE_METHOD(Fixture, "100,000 items stream through one page at a time") {
  constexpr int kPages = 1000;
  constexpr int kPerPage = 100;
  transport.latency = 0ms;
  transport.handler = [](const Request& r) {
    const auto at = r.url.find("page=");
    const int page = at == std::string::npos ? 0 : std::stoi(r.url.substr(at + 5));
    std::string body = R"({"value":[)";
    for (int i = 0; i < kPerPage; ++i) {
      body += (i ? "," : "") + std::string(R"({"id":"d)") + std::to_string(page * kPerPage + i) +
              R"(","status":"completed"})";
    }
    body += "]";
    if (page + 1 < kPages) {
      body += R"(,"nextLink":"https://contoso.azureiotcentral.com/api/jobs/j/devices?page=)" +
              std::to_string(page + 1) + R"(&api-version=2022-07-31")";
    }
    return response(200, body + "}");
  };
  tracer = iotc::api::Tracer();  // no trace of 1000 pages
  Client c = client();
  auto pager = c.job_devices("j");
  long count = 0;
  bool one_page_ahead_at_most = true;
  while (auto item = pager.next()) {
    ++count;
    // Page n is fetched only when item n * kPerPage + 1 is asked for.
    one_page_ahead_at_most =
        one_page_ahead_at_most && pager.pages_fetched() == (count + kPerPage - 1) / kPerPage;
  }
  CHECK(count == kPages * kPerPage);
  CHECK(one_page_ahead_at_most);
  CHECK(transport.requests.size() == kPages);
}

// Paging always ends (issue 12, item 3): a service whose nextLink never stops.

TEST_CASE_METHOD(Fixture, "a nextLink that cycles back to an earlier page stops the listing") {
  const std::string base = "https://contoso.azureiotcentral.com/api/jobs?api-version=2022-07-31";
  transport.handler = [&](const Request& r) {
    // page 1 -> page 2 -> page 3 -> page 2 -> ...
    if (r.url.find("p=3") != std::string::npos) return response(200, page({"c"}, base + "&p=2"));
    if (r.url.find("p=2") != std::string::npos) return response(200, page({"b"}, base + "&p=3"));
    return response(200, page({"a"}, base + "&p=2"));
  };
  Client c = client();
  auto pager = c.list_jobs();
  std::vector<std::string> ids;
  try {
    while (auto item = pager.next()) ids.push_back(item->value.id.value_or("?"));
    FAIL("the listing ended");
  } catch (const iotc::Error& error) {
    CHECK(error.exit_code() == iotc::ExitCode::failure);
    CHECK_THAT(error.what(),
               Catch::Contains("leads back to a page already read") && Catch::Contains("p=2"));
  }
  CHECK(ids == std::vector<std::string>{"a", "b", "c"});  // each page once
  CHECK(transport.requests.size() == 3);
}

TEST_CASE_METHOD(Fixture, "a page cap ends a listing whose links never repeat") {
  int served = 0;
  transport.handler = [&](const Request&) {
    ++served;
    return response(200, page({"j" + std::to_string(served)},
                              "/api/jobs?api-version=2022-07-31&p=" + std::to_string(served)));
  };
  ClientOptions o = options();
  o.max_pages = 50;
  Client c = client(o);
  auto pager = c.list_jobs();
  int items = 0;
  CHECK_THROWS_WITH(
      [&] {
        while (pager.next()) ++items;
      }(),
      Catch::Contains("after 50 pages, the most one command follows"));
  CHECK(items == 50);
  CHECK(served == 50);
}

TEST_CASE_METHOD(Fixture, "empty pages that link on are followed after a pause, up to a limit") {
  int served = 0;
  transport.handler = [&](const Request&) {
    ++served;
    return response(200, page({}, "/api/jobs?api-version=2022-07-31&p=" + std::to_string(served)));
  };
  Client c = client();
  auto pager = c.list_jobs();
  CHECK_THROWS_WITH(pager.next(), Catch::Contains("after 100 empty pages in a row"));
  CHECK(served == iotc::defaults::kMaxEmptyPagesInARow);
  // Never a busy loop: a pause before each empty page's link is followed.
  CHECK(clock.sleeps.size() == static_cast<std::size_t>(served - 1));
  for (const auto sleep : clock.sleeps) CHECK(sleep == iotc::defaults::kEmptyPagePause);
}

TEST_CASE_METHOD(Fixture, "an empty page between full ones does not count toward the limit") {
  int served = 0;
  transport.handler = [&](const Request&) {
    ++served;
    if (served == 300) return response(200, page({"last"}));
    const bool empty = served % 2 == 0;
    return response(200, page(empty ? std::initializer_list<std::string>{}
                                    : std::initializer_list<std::string>{"j"},
                              "/api/jobs?api-version=2022-07-31&p=" + std::to_string(served)));
  };
  Client c = client();
  auto pager = c.list_jobs();
  int items = 0;
  while (pager.next()) ++items;
  CHECK(items == 151);
}
