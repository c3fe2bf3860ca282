// The device group calls: URLs and bodies, and the rules of "Creating what already exists" for
// PUT, PATCH with If-Match and DELETE (docs/design.md §2).
#include <catch2/catch.hpp>

#include "api/client.hpp"
#include "errors.hpp"
#include "client_fixture.hpp"
#include "model/job_json.hpp"

using iotc::api::Client;
using iotc::api::ClientOptions;
using iotc::api::Method;
using iotc::api::Request;
using iotc::model::ApiVersion;
using iotc::model::Json;
using iotc::testing::response;
using iotc::testing::transport_error;

namespace {

constexpr const char* kGroup = R"({"id":"g1","displayName":"Pumps","filter":"SELECT * FROM devices","etag":"\"1\"","organizations":["plant"]})";

struct GroupFixture : iotc::testing::ClientFixture {
  Client client(ApiVersion version = ApiVersion::v2022_10_31_preview) {
    ClientOptions o = contoso(version);
    o.retry.max_retries = 3;
    o.page_size = 7;
    return client_with(std::move(o));
  }
};

Json body() {
  return {{"displayName", "Pumps"}, {"filter", "SELECT * FROM devices"}};
}

}  // namespace

TEST_CASE("a group is read and written with etag and organizations") {
  iotc::model::Problems problems;
  auto group = iotc::model::device_group_from_json(Json::parse(kGroup), problems);
  CHECK(problems.empty());
  CHECK(group.etag == "\"1\"");
  CHECK(group.organizations == std::vector<std::string>{"plant"});
  CHECK(iotc::model::to_json(group) == Json::parse(kGroup));
  const Json sent = iotc::model::to_group_body(group, ApiVersion::v2022_07_31);
  CHECK(sent == Json::parse(
                    R"({"displayName":"Pumps","filter":"SELECT * FROM devices","organizations":["plant"]})"));
  CHECK_THROWS_AS(iotc::model::to_group_body(group, ApiVersion::preview),
                  iotc::model::UnsupportedInVersion);
}

TEST_CASE_METHOD(GroupFixture, "group URLs: filter and orderby encoded, maxpagesize where taken") {
  transport.handler = [](const Request&) { return response(200, R"({"value":[]})"); };
  Client c = client();
  c.list_device_groups({.filter = "displayName eq 'a&b'", .orderby = "displayName"}).next();
  c.device_group_devices("g 1").next();
  c.job_devices("j1").next();
  REQUIRE(transport.requests.size() == 3);
  CHECK(transport.requests[0].url ==
        "https://contoso.azureiotcentral.com/api/deviceGroups?api-version=2022-10-31-preview"
        "&maxpagesize=7&filter=displayName%20eq%20%27a%26b%27&orderby=displayName");
  CHECK(transport.requests[1].url ==
        "https://contoso.azureiotcentral.com/api/deviceGroups/g%201/devices"
        "?api-version=2022-10-31-preview&maxpagesize=7");
  // GET /jobs/{id}/devices takes no maxpagesize.
  CHECK(transport.requests[2].url.find("maxpagesize") == std::string::npos);
}

TEST_CASE_METHOD(GroupFixture, "group create: one PUT with the body, the answer read") {
  transport.script = {response(200, kGroup)};
  auto made = client().create_device_group("g1", body());
  CHECK(transport.requests.at(0).method == Method::put);
  CHECK(Json::parse(transport.requests.at(0).body) == body());
  CHECK(made.value.etag == "\"1\"");
  CHECK_FALSE(made.confirmed_after_lost_answer);
}

TEST_CASE_METHOD(GroupFixture, "group create after a lost answer: a GET that matches confirms it") {
  transport.script = {transport_error(iotc::api::TransportErrorKind::connection_dropped),
                      response(200, kGroup)};
  auto made = client().create_device_group("g1", body());
  REQUIRE(transport.requests.size() == 2);
  CHECK(transport.requests[1].method == Method::get);
  CHECK(made.confirmed_after_lost_answer);
}

TEST_CASE_METHOD(GroupFixture, "group create after a lost answer: a group that differs is a conflict") {
  transport.script = {response(503),
                      response(200, R"({"id":"g1","displayName":"Other","filter":"x"})")};
  CHECK_THROWS_AS(client().create_device_group("g1", body()), iotc::ConflictError);
  CHECK(transport.requests.size() == 2);
}

TEST_CASE_METHOD(GroupFixture, "group create after a lost answer: 404 sends the PUT again") {
  transport.script = {response(503), response(404), response(200, kGroup)};
  auto made = client().create_device_group("g1", body());
  REQUIRE(transport.requests.size() == 3);
  CHECK(transport.requests[2].method == Method::put);
  CHECK_FALSE(made.confirmed_after_lost_answer);
}

TEST_CASE_METHOD(GroupFixture, "group update: If-Match sent, a stale etag is a conflict") {
  transport.script = {response(412, R"({"error":{"code":"PreconditionFailed","message":"etag"}})")};
  CHECK_THROWS_AS(client().update_device_group("g1", {{"displayName", "New"}}, "\"0\""),
                  iotc::ConflictError);
  CHECK(transport.requests.at(0).method == Method::patch);
  transport.script = {response(412)};
  CHECK_THROWS_WITH(client().update_device_group("g1", {{"displayName", "New"}}, "\"0\""),
                    Catch::Contains("device group 'g1'") &&
                        Catch::Contains("changed since etag \"0\"") &&
                        Catch::Contains("nothing was changed"));
  CHECK(transport.requests.at(0).headers.get("If-Match") == "\"0\"");
}

TEST_CASE_METHOD(GroupFixture, "group update: a 412 after a lost answer is success when the group matches") {
  transport.script = {response(503), response(412),
                      response(200, R"({"id":"g1","displayName":"New","filter":"f","etag":"2"})")};
  auto updated = client().update_device_group("g1", {{"displayName", "New"}}, "\"1\"");
  CHECK(updated.confirmed_after_lost_answer);
  CHECK(transport.requests.size() == 3);
}

TEST_CASE_METHOD(GroupFixture, "group update: a null in the patch is held by a group without the member") {
  const Json patch = {{"description", nullptr}, {"displayName", "New"}};
  transport.script = {response(503), response(412),
                      response(200, R"({"id":"g1","displayName":"New","filter":"f"})")};
  CHECK(client().update_device_group("g1", patch, "\"1\"").confirmed_after_lost_answer);
  transport.script = {response(503), response(412),
                      response(200, R"({"id":"g1","displayName":"New","description":"old"})")};
  CHECK_THROWS_AS(client().update_device_group("g1", patch, "\"1\""), iotc::ConflictError);
}

TEST_CASE_METHOD(GroupFixture, "group update: a 412 after a lost answer with another value is a conflict") {
  transport.script = {response(503), response(412),
                      response(200, R"({"id":"g1","displayName":"Else","filter":"f"})")};
  CHECK_THROWS_AS(client().update_device_group("g1", {{"displayName", "New"}}, "\"1\""),
                  iotc::ConflictError);
}

TEST_CASE_METHOD(GroupFixture, "group delete: 204, 404 on a resend is success, 404 at once is not") {
  transport.script = {response(204)};
  CHECK_FALSE(client().delete_device_group("g1"));
  transport.requests.clear();
  transport.script = {response(503), response(404)};
  CHECK(client().delete_device_group("g1"));
  CHECK(transport.requests.at(0).method == Method::del);
  transport.script = {response(404)};
  CHECK_THROWS_AS(client().delete_device_group("g1"), iotc::NotFoundError);
}

TEST_CASE_METHOD(GroupFixture, "group delete: 422 (in use) is a conflict") {
  transport.script = {
      response(422, R"({"error":{"code":"DeviceGroupInUse","message":"used by job j1"}})")};
  try {
    client().delete_device_group("g1");
    FAIL("no error");
  } catch (const iotc::ConflictError& error) {
    CHECK(std::string(error.what()).find("used by job j1") != std::string::npos);
  }
}
