// The scheduled jobs calls: their requests in each api-version, If-Match, a stale etag, and the
// rules for a create, a PATCH and a DELETE whose answer was lost.
#include "api/schedule_client.hpp"

#include <catch2/catch.hpp>

#include "errors.hpp"
#include "client_fixture.hpp"

using iotc::api::Client;
using iotc::api::ClientOptions;
using iotc::api::Request;
using iotc::api::ScheduleClient;
using iotc::model::ApiVersion;
using iotc::model::Json;
using iotc::testing::response;
using iotc::testing::transport_error;

namespace {

struct Fixture : iotc::testing::ClientFixture {
  Client client(ApiVersion version = ApiVersion::v2022_10_31_preview) {
    ClientOptions o = contoso(version);
    o.authorization = "Bearer token-of-test";
    return client_with(std::move(o));
  }
};

const Json kSchedule = Json::parse(R"({"id":"nightly","group":"g","data":[],
  "schedule":{"start":"2026-12-06T02:00:00Z","recurrence":"daily"},"enabled":true,
  "completed":false,"etag":"\"e1\""})");

std::string path_of(const Request& request) {
  const auto start = request.url.find("/api/");
  return request.url.substr(start);
}

}  // namespace

TEST_CASE_METHOD(Fixture, "each scheduled job call sends its method and path") {
  transport.handler = [](const Request& request) {
    if (request.method == iotc::api::Method::del) return iotc::api::TransportResult(response(204));
    if (request.url.find("/jobs?") != std::string::npos ||
        request.url.find("Jobs?") != std::string::npos) {
      return iotc::api::TransportResult(response(200, R"({"value":[]})"));
    }
    return iotc::api::TransportResult(response(200, kSchedule.dump()));
  };
  Client c = client();
  ScheduleClient schedules(c);
  while (schedules.list().next()) {
  }
  CHECK(schedules.get("nightly").value.etag == "\"e1\"");
  schedules.create("nightly", Json{{"group", "g"}});
  schedules.update("nightly", Json{{"enabled", false}}, std::string("\"e1\""));
  schedules.remove("nightly");
  auto runs = schedules.jobs("a b");
  while (runs.next()) {
  }
  REQUIRE(transport.requests.size() == 6);
  CHECK(path_of(transport.requests[0]) == "/api/scheduledJobs?api-version=2022-10-31-preview");
  CHECK(transport.requests[1].method == iotc::api::Method::get);
  CHECK(transport.requests[2].method == iotc::api::Method::put);
  const Request& patch = transport.requests[3];
  CHECK(patch.method == iotc::api::Method::patch);
  CHECK(patch.headers.get("Content-Type") == "application/merge-patch+json");
  CHECK(patch.headers.get("If-Match") == "\"e1\"");
  CHECK(patch.body == R"({"enabled":false})");
  CHECK(transport.requests[4].method == iotc::api::Method::del);
  CHECK(path_of(transport.requests[5]) ==
        "/api/scheduledJobs/a%20b/jobs?api-version=2022-10-31-preview");
}

TEST_CASE_METHOD(Fixture, "scheduled jobs in api-version preview are a usage error, nothing sent") {
  Client c = client(ApiVersion::preview);
  ScheduleClient schedules(c);
  CHECK_THROWS_AS(schedules.get("nightly"), iotc::UsageError);
  CHECK_THROWS_AS(schedules.list(), iotc::UsageError);
  CHECK(transport.requests.empty());
}

TEST_CASE_METHOD(Fixture, "a stale etag is a conflict (exit 7)") {
  transport.script = {response(412, R"({"error":{"code":"PreconditionFailed","message":"m"}})")};
  Client c = client();
  ScheduleClient schedules(c);
  try {
    schedules.update("nightly", Json{{"enabled", false}}, std::string("\"old\""));
    FAIL("no conflict");
  } catch (const iotc::ConflictError& error) {
    CHECK(std::string(error.what()).find("\"old\"") != std::string::npos);
  }
}

TEST_CASE_METHOD(Fixture, "a retried PATCH that meets 412 succeeds when the schedule holds it") {
  Json updated = kSchedule;
  updated["enabled"] = false;
  updated["etag"] = "\"e2\"";
  transport.script = {transport_error(iotc::api::TransportErrorKind::connection_dropped),
                      response(412, "{}"), response(200, updated.dump())};
  Client c = client();
  ScheduleClient schedules(c);
  auto result = schedules.update("nightly", Json{{"enabled", false}}, std::string("\"e1\""));
  CHECK(result.value.etag == "\"e2\"");
  CHECK(transport.requests.back().method == iotc::api::Method::get);
}

TEST_CASE_METHOD(Fixture, "a retried PATCH that meets 412 and finds another change is a conflict") {
  transport.script = {transport_error(iotc::api::TransportErrorKind::connection_dropped),
                      response(412, "{}"), response(200, kSchedule.dump())};
  Client c = client();
  ScheduleClient schedules(c);
  CHECK_THROWS_AS(schedules.update("nightly", Json{{"enabled", false}}, std::string("\"e1\"")),
                  iotc::ConflictError);
}

TEST_CASE_METHOD(Fixture, "a DELETE: 404 at once is not found, 404 on a retry is done") {
  Client c = client();
  ScheduleClient schedules(c);
  transport.script = {response(404, "{}")};
  CHECK_THROWS_AS(schedules.remove("nightly"), iotc::NotFoundError);
  transport.script = {transport_error(iotc::api::TransportErrorKind::connection_dropped),
                      response(404, "{}")};
  CHECK_NOTHROW(schedules.remove("nightly"));
}

TEST_CASE_METHOD(Fixture, "a create whose answer was lost is confirmed by a GET that matches") {
  const Json body = {{"group", "g"}, {"enabled", true}};
  transport.script = {response(503, "{}"), response(200, kSchedule.dump())};
  Client c = client();
  ScheduleClient schedules(c);
  auto created = schedules.create("nightly", body);
  CHECK(created.confirmed_after_lost_answer);
  transport.script = {response(503, "{}"), response(200, kSchedule.dump())};
  CHECK_THROWS_AS(schedules.create("nightly", Json{{"group", "other"}}), iotc::ConflictError);
}
