// create, in-process: the body sent from flags and from a file, a group given by name, the dry
// run that sends nothing, and a payload refused before anything is sent.

#include <catch2/catch.hpp>

#include "cli/create.hpp"
#include "job_fixtures.hpp"

using namespace iotc::testing;
using iotc::cli::CreateOptions;
using iotc::cli::DataFlag;
using iotc::model::Json;

namespace {

CreateOptions set_temperature(std::string group) {
  CreateOptions options;
  options.job_id = "job-9";
  options.payload.group = std::move(group);
  options.payload.data = {{DataFlag::Kind::target, kTemplate},
                          {DataFlag::Kind::set, "targetTemperature=56"}};
  return options;
}

}  // namespace

TEST_CASE("create sends the job the flags describe and prints the created job", "[cli][create]") {
  CommandHarness h;
  h.env["IOTC_OUTPUT"] = "json";
  h.http.on("GET", "/api/jobs/job-9")
      .reply(404, Json{{"error", {{"code", "NotFound"}, {"message", "no job"}}}});
  // The group id is checked before the job is created.
  h.http.on("GET", "/api/deviceGroups/" + std::string(kGroupId))
      .reply(200, Json{{"id", kGroupId}, {"displayName", "Thermostats"}});
  h.http.on("PUT", "/api/jobs/job-9").reply(200, job_json("job-9", "running"));
  const auto options = set_temperature(kGroupId);
  const auto result = h.run([&](auto& context) { run_create(options, context); });
  CHECK(result.exit_code == 0);
  CHECK(Json::parse(result.out)["id"] == "job-9");
  CHECK(has(result.err, "Created job job-9."));
  const Json sent = Json::parse(h.http.requests().at(2).body);
  CHECK(sent["group"] == kGroupId);
  CHECK(sent["data"][0]["type"] == "property");
  CHECK(sent["data"][0]["path"] == "targetTemperature");
  CHECK(sent["data"][0]["value"] == 56);
}

TEST_CASE("create resolves a group's display name first", "[cli][create]") {
  CommandHarness h;
  h.env["IOTC_OUTPUT"] = "json";
  h.http.on("GET", "/api/deviceGroups")
      .reply(200, page({{{"id", kGroupId}, {"displayName", "Thermostats"}}}));
  h.http.on("GET", "/api/jobs/job-9")
      .reply(404, Json{{"error", {{"code", "NotFound"}, {"message", "no job"}}}});
  h.http.on("PUT", "/api/jobs/job-9").reply(200, job_json("job-9", "running"));
  const auto options = set_temperature("Thermostats");
  const auto result = h.run([&](auto& context) { run_create(options, context); });
  CHECK(result.exit_code == 0);
  CHECK(Json::parse(h.http.requests().at(2).body)["group"] == kGroupId);
}

TEST_CASE("create --dry-run reads the id, the group and its devices, and writes nothing",
          "[cli][create]") {
  CommandHarness h;
  h.http.on("GET", "/api/jobs/job-9")
      .reply(404, Json{{"error", {{"code", "NotFound"}, {"message", "no job"}}}});
  h.http.on("GET", "/api/deviceGroups")
      .reply(200, page({{{"id", kGroupId}, {"displayName", "Thermostats"}}}));
  h.http.on("GET", "/api/deviceGroups/" + std::string(kGroupId) + "/devices")
      .reply(200, page({{{"id", "d1"}}, {{"id", "d2"}}}));
  auto options = set_temperature("Thermostats");
  options.dry_run = true;
  const auto result = h.run([&](auto& context) { run_create(options, context); });
  CHECK(result.exit_code == 0);
  CHECK(has(result.out, "PUT " + std::string(kAppUrl) + "/api/jobs/job-9"));
  CHECK(has(result.out, std::string("\"group\":\"") + kGroupId + "\""));
  CHECK(has(result.err, "job job-9 would run on 2 devices of group " + std::string(kGroupId)));
  CHECK_FALSE(has(result.out, "harness-signature"));
  for (const auto& request : h.http.requests()) CHECK(request.method == iotc::api::Method::get);
}

TEST_CASE("create --dry-run with an existing id ends as create would: exit 7", "[cli][create]") {
  CommandHarness h;
  h.http.on("GET", "/api/jobs/job-9").reply(200, job_json("job-9", "complete"));
  auto options = set_temperature(kGroupId);
  options.dry_run = true;
  const auto result = h.run([&](auto& context) { run_create(options, context); });
  CHECK(result.exit_code == 7);
  CHECK(result.out.empty());
}

// (No ';' in a test name: catch_discover_tests cuts the name there, and ctest then runs nothing.)
TEST_CASE("create --file - reads the job from stdin, and uses its id", "[cli][create]") {
  CommandHarness h;
  h.env["IOTC_OUTPUT"] = "json";
  h.stdin_text = job_json("from-file", "complete").dump();
  h.http.on("GET", "/api/jobs/from-file")
      .reply(404, Json{{"error", {{"code", "NotFound"}, {"message", "no job"}}}});
  h.http.on("GET", "/api/deviceGroups/" + std::string(kGroupId))
      .reply(200, Json{{"id", kGroupId}, {"displayName", "Thermostats"}});
  h.http.on("PUT", "/api/jobs/from-file").reply(200, job_json("from-file", "running"));
  CreateOptions options;
  options.file = "-";
  const auto result = h.run([&](auto& context) { run_create(options, context); });
  CHECK(result.exit_code == 0);
  // the check that the id is new, the group's, then the PUT
  REQUIRE(h.http.requests().size() == 3);
  const Json sent = Json::parse(h.http.requests().at(2).body);
  CHECK(sent.contains("data"));
  CHECK_FALSE(sent.contains("status"));  // read-only members are not sent back
}

TEST_CASE("create refuses an invalid payload with every problem and sends nothing",
          "[cli][create]") {
  CommandHarness h;
  CreateOptions options;
  options.job_id = "job-9";
  const auto result = h.run([&](auto& context) { run_create(options, context); });
  CHECK(result.exit_code == 2);
  CHECK(result.out.empty());
  CHECK(has(result.err, "the job is not valid (nothing was sent):"));
  CHECK(h.http.requests().empty());
}

TEST_CASE("create with an id that exists: exit 7, nothing created, no PUT", "[cli][create]") {
  CommandHarness h;
  auto job = job_json("job-9", "complete", Progress{10, 10});
  job["end"] = "2026-11-26T10:00:00Z";
  h.http.on("GET", "/api/jobs/job-9").reply(200, job);
  const auto result = h.run_line({"create", "job-9", "--group", kGroupId, "--target", kTemplate,
                                  "--set", "targetTemperature=56"});
  CHECK(result.exit_code == 7);
  CHECK(result.out.empty());
  CHECK(
      has(result.err,
          "job job-9 already exists (complete, ended 2026-11-26T10:00:00Z); nothing was created"));
  CHECK(h.http.requests().size() == 1);
}

TEST_CASE("create refuses an unknown member of the job file, unless --allow-unknown-fields",
          "[cli][create]") {
  Json file = job_json("from-file", "complete");
  file["cancelationThreshold"] = {{"type", "number"}, {"value", 1}};
  file["data"][0]["futureOption"] = true;
  {
    CommandHarness h;
    h.stdin_text = file.dump();
    const auto result = h.run_line({"create", "--file", "-"});
    CHECK(result.exit_code == 2);
    CHECK(has(result.err,
              "cancelationThreshold: unknown member in api-version 2022-07-31; did "
              "you mean 'cancellationThreshold'?"));
    CHECK(has(result.err, "data[0].futureOption: unknown member"));
    CHECK(has(result.err, "--allow-unknown-fields"));
    CHECK(h.http.requests().empty());
  }
  CommandHarness h;
  h.stdin_text = file.dump();
  h.http.on("GET", "/api/jobs/from-file")
      .reply(404, Json{{"error", {{"code", "NotFound"}, {"message", "no job"}}}});
  h.http.on("GET", "/api/deviceGroups/" + std::string(kGroupId))
      .reply(200, Json{{"id", kGroupId}, {"displayName", "Thermostats"}});
  h.http.on("PUT", "/api/jobs/from-file").reply(200, job_json("from-file", "running"));
  const auto result = h.run_line({"create", "--file", "-", "--allow-unknown-fields"});
  CHECK(result.exit_code == 0);
  const Json sent = Json::parse(h.http.requests().at(2).body);
  CHECK(sent["cancelationThreshold"] == file["cancelationThreshold"]);
  CHECK(sent["data"][0]["futureOption"] == true);
  CHECK_FALSE(sent.contains("status"));  // read-only members are still not sent
}

TEST_CASE("create --from copies a job under a new id, and flags change the copy", "[cli][create]") {
  CommandHarness h;
  h.env["IOTC_OUTPUT"] = "json";
  Json source = job_json("job-1", "complete", Progress{10, 7, 3});
  source["batch"] = {{"type", "number"}, {"value", 5}};
  h.http.on("GET", "/api/jobs/job-1").reply(200, source);
  h.http.on("GET", "/api/jobs/job-9")
      .reply(404, Json{{"error", {{"code", "NotFound"}, {"message", "no job"}}}});
  h.http.on("GET", "/api/deviceGroups/" + std::string(kGroupId))
      .reply(200, Json{{"id", kGroupId}, {"displayName", "Thermostats"}});
  h.http.on("PUT", "/api/jobs/job-9").reply(200, job_json("job-9", "running"));
  CreateOptions options;
  options.job_id = "job-9";
  options.from = "job-1";
  options.payload.name = "Copy";
  const auto result = h.run([&](auto& context) { run_create(options, context); });
  INFO(result.err);
  CHECK(result.exit_code == 0);
  const Json sent = Json::parse(h.http.requests().back().body);
  CHECK(sent["displayName"] == "Copy");
  CHECK(sent["group"] == kGroupId);
  CHECK(sent["batch"] == source["batch"]);
  CHECK(sent["data"] == source["data"]);
  for (const char* read_only : {"id", "status", "progress"}) CHECK_FALSE(sent.contains(read_only));
}

TEST_CASE("create --from with --file, or with a job id that is not one, sends nothing",
          "[cli][create]") {
  CommandHarness h;
  CreateOptions options;
  options.from = GENERATE(std::string("job-1"), std::string("bad id;rm"));
  if (*options.from == "job-1") options.file = "job.json";
  const auto result = h.run([&](auto& context) { run_create(options, context); });
  CHECK(result.exit_code == 2);
  CHECK((has(result.err, "--file and --from") || has(result.err, "--from 'bad id;rm'")));
  CHECK(h.http.requests().empty());
}
