// A service whose nextLink never ends (issue 12, item 3): every command that pages stops with
// exit 1 naming the link, instead of fetching for ever.

#include <catch2/catch.hpp>

#include "cli/devices.hpp"
#include "cli/list.hpp"
#include "cli/wait.hpp"
#include "job_fixtures.hpp"

using namespace iotc::testing;
using iotc::model::Json;

namespace {

constexpr const char* kJobs = "/api/jobs?api-version=2022-07-31";
constexpr const char* kDevices = "/api/jobs/job-1/devices?api-version=2022-07-31";

Json device(const std::string& id, const std::string& status) {
  return {{"id", id}, {"status", status}};
}

}  // namespace

TEST_CASE("list --all and list --status stop at a nextLink that points to its own page",
          "[cli][paging]") {
  const bool by_status = GENERATE(false, true);
  CommandHarness h;
  h.env["IOTC_OUTPUT"] = "jsonl";
  h.http.on("GET", kJobs).reply(200, page({job_json("a", "running")}, kJobs));
  iotc::cli::ListOptions options;
  options.all = !by_status;
  if (by_status) options.statuses = {"failed"};
  const auto result = h.run([&](auto& context) { run_list(options, context); });
  CHECK(result.exit_code == 1);
  CHECK(has(result.err, "leads back to a page already read"));
  CHECK(has(result.err, kJobs));
  if (!by_status) CHECK(result.out == job_json("a", "running").dump() + "\n");
}

TEST_CASE("list --all stops at a nextLink cycle through several pages", "[cli][paging]") {
  CommandHarness h;
  h.env["IOTC_OUTPUT"] = "tsv";
  h.global.columns = "id";
  h.http.on("GET", kJobs).reply(200, page({job_json("a", "running")}, std::string(kJobs) + "&p=2"));
  h.http.on("GET", std::string(kJobs) + "&p=2")
      .reply(200, page({job_json("b", "running")}, std::string(kJobs) + "&p=3"));
  h.http.on("GET", std::string(kJobs) + "&p=3")
      .reply(200, page({job_json("c", "running")}, std::string(kJobs) + "&p=2"));
  iotc::cli::ListOptions options;
  options.all = true;
  const auto result = h.run([&](auto& context) { run_list(options, context); });
  CHECK(result.exit_code == 1);
  CHECK(result.out == "a\nb\nc\n");
  CHECK(has(result.err, "p=2"));
}

TEST_CASE("devices --status stops at a repeated nextLink", "[cli][paging]") {
  CommandHarness h;
  h.env["IOTC_OUTPUT"] = "jsonl";
  h.http.on("GET", kDevices).reply(200, page({device("d1", "completed")}, kDevices));
  iotc::cli::DevicesOptions options;
  options.job_id = "job-1";
  options.statuses = {"failed"};
  const auto result = h.run([&](auto& context) { run_devices(options, context); });
  CHECK(result.exit_code == 1);
  CHECK(has(result.err, "leads back to a page already read"));
}

TEST_CASE("plain list over endless empty pages stops after the documented number, pausing",
          "[cli][paging]") {
  CommandHarness h;
  h.env["IOTC_OUTPUT"] = "jsonl";
  const int limit = iotc::defaults::kMaxEmptyPagesInARow;
  for (int i = 0; i < limit; ++i) {
    const std::string here = i == 0 ? kJobs : std::string(kJobs) + "&p=" + std::to_string(i);
    h.http.on("GET", here)
        .reply(200, page(Json::array(), std::string(kJobs) + "&p=" + std::to_string(i + 1)));
  }
  const auto result = h.run([&](auto& context) { run_list(iotc::cli::ListOptions{}, context); });
  CHECK(result.exit_code == 1);
  CHECK(has(result.err, "after 100 empty pages in a row"));
  CHECK(result.out.empty());
  CHECK(h.clock.sleeps.size() == static_cast<std::size_t>(limit - 1));
}

TEST_CASE("wait on a preview job ends at once when the device pages loop", "[cli][paging]") {
  CommandHarness h;
  h.env["IOTC_OUTPUT"] = "json";
  h.env["IOTC_API_VERSION"] = "preview";
  const std::string devices = "/api/jobs/job-1/devices?api-version=preview";
  h.http.on("GET", "/api/jobs/job-1?api-version=preview")
      .reply(200, job_json("job-1", "running", std::nullopt));
  h.http.on("GET", devices).reply(200, page({device("d1", "pending")}, devices));
  iotc::cli::WaitOptions options;
  options.job_id = "job-1";
  const auto result = h.run([&](auto& context) { run_wait(options, context); });
  CHECK(result.exit_code == 1);
  CHECK(has(result.err, "leads back to a page already read"));
}
