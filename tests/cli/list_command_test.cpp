// list, in-process: pages, the limit, the status filter, the pass-through of JSON output, and a
// status no api-version defines.

#include <catch2/catch.hpp>

#include "cli/list.hpp"
#include "job_fixtures.hpp"

using namespace iotc::testing;
using iotc::cli::ListOptions;
using iotc::model::Json;

TEST_CASE("list follows nextLink and prints every job as one JSON array", "[cli][list]") {
  CommandHarness h;
  h.env["IOTC_OUTPUT"] = "json";
  h.http.on("GET", "/api/jobs")
      .reply(200, page({job_json("job-2", "running")}, "/api/jobs?api-version=2022-07-31&p=2"));
  h.http.on("GET", "/api/jobs?api-version=2022-07-31&p=2")
      .reply(200, page({job_json("job-1", "complete")}));
  const auto result = h.run([](auto& context) { run_list(ListOptions{}, context); });
  CHECK(result.exit_code == 0);
  CHECK(result.err.empty());
  const Json out = Json::parse(result.out);
  REQUIRE(out.size() == 2);
  CHECK(out[0]["id"] == "job-2");
  CHECK(out[1]["id"] == "job-1");
}

TEST_CASE("list stops at --limit and says there is more", "[cli][list]") {
  CommandHarness h;
  h.env["IOTC_OUTPUT"] = "jsonl";
  h.http.on("GET", "/api/jobs")
      .reply(200,
             page({job_json("a", "running"), job_json("b", "running"), job_json("c", "running")}));
  ListOptions options;
  options.limit = 2;
  const auto result = h.run([&](auto& context) { run_list(options, context); });
  CHECK(result.exit_code == 0);
  CHECK(result.out ==
        job_json("a", "running").dump() + "\n" + job_json("b", "running").dump() + "\n");
  CHECK(has(result.err, "Showing the first 2 jobs; use --limit N or --all to see more."));
}

TEST_CASE("list --status keeps the matching jobs, --all every page", "[cli][list]") {
  CommandHarness h;
  h.env["IOTC_OUTPUT"] = "tsv";
  h.global.columns = "id,status";
  h.http.on("GET", "/api/jobs")
      .reply(200, page({job_json("a", "running"), job_json("b", "failed")},
                       "/api/jobs?api-version=2022-07-31&p=2"));
  h.http.on("GET", "/api/jobs?api-version=2022-07-31&p=2")
      .reply(200, page({job_json("c", "failed")}));
  ListOptions options;
  options.statuses = {"failed"};
  options.all = true;
  const auto result = h.run([&](auto& context) { run_list(options, context); });
  CHECK(result.exit_code == 0);
  CHECK(result.out == "b\tfailed\nc\tfailed\n");
  CHECK(result.err.empty());
}

TEST_CASE("list shows a status no api-version defines as it came", "[cli][list]") {
  CommandHarness h;
  h.env["IOTC_OUTPUT"] = "tsv";
  h.global.columns = "id,status";
  h.http.on("GET", "/api/jobs").reply(200, page({job_json("a", "throttled")}));
  const auto result = h.run([](auto& context) { run_list(ListOptions{}, context); });
  CHECK(result.exit_code == 0);
  CHECK(result.out == "a\tthrottled\n");
}

TEST_CASE("list with no jobs says so on stderr only", "[cli][list]") {
  CommandHarness h;
  h.http.on("GET", "/api/jobs").reply(200, page(Json::array()));
  const auto result = h.run([](auto& context) { run_list(ListOptions{}, context); });
  CHECK(result.exit_code == 0);
  CHECK(result.out.empty());
  CHECK(has(result.err, "No jobs found."));
}

TEST_CASE("list: a bad --limit is a usage error before any request", "[cli][list]") {
  CommandHarness h;
  ListOptions options;
  options.limit = 0;
  const auto result = h.run([&](auto& context) { run_list(options, context); });
  CHECK(result.exit_code == 2);
  CHECK(has(result.err, "iotc-jobs: error: --limit must be 1 or more"));
  CHECK(h.http.requests().empty());
}

TEST_CASE("a job table names each job's top-level group, with and without a filter",
          "[cli][list]") {
  CommandHarness h;
  h.env["IOTC_OUTPUT"] = "table";
  h.global.columns = "id,group";
  h.http.on("GET", "/api/deviceGroups")
      .reply(200, Json{{"value",
                        {{{"id", kGroupId}, {"displayName", "Thermostats"}},
                         {{"id", "other"}, {"displayName", "Other group"}}}}});
  // A member before "group" holds a "group" of its own: only the top-level one is named.
  Json nested = {{"id", "nested"}, {"x-meta", {{"group", "other"}}}, {"group", kGroupId},
                 {"status", "running"}};
  Json unknown = job_json("unknown", "running");
  unknown["group"] = "no-such-group";
  Json escaped = job_json("escaped", "running");
  escaped["group"] = "quote\"d";
  h.http.on("GET", "/api/jobs").reply(200, page({nested, unknown, escaped}));
  ListOptions options;
  SECTION("every job: items pass as text") {}
  SECTION("a status filter: items read as JSON") { options.statuses = {"running"}; }
  const auto result = h.run([&](auto& context) { run_list(options, context); });
  INFO(result.out << result.err);
  CHECK(result.exit_code == 0);
  CHECK(has(result.out, "Thermostats"));
  CHECK_FALSE(has(result.out, "Other group"));
  CHECK(has(result.out, "no-such-group"));
  CHECK(has(result.out, "quote\"d"));
}

TEST_CASE("a job table without a group column lists no groups", "[cli][list]") {
  CommandHarness h;
  h.env["IOTC_OUTPUT"] = "table";
  SECTION("the default columns") {}
  SECTION("columns chosen without the group") { h.global.columns = "id,status"; }
  h.http.on("GET", "/api/jobs").reply(200, page({job_json("job-1", "running")}));
  const auto result = h.run([](auto& context) { run_list(ListOptions{}, context); });
  INFO(result.out << result.err);
  CHECK(result.exit_code == 0);
  CHECK(has(result.out, "job-1"));
  REQUIRE(h.http.requests().size() == 1);  // the jobs alone: no GET /deviceGroups
  CHECK(has(h.http.requests()[0].url, "/api/jobs?"));
}
