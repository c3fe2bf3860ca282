// Counts from the service read safely (issue 12, item 5): an integral float is the count it
// spells ("failed": 3.0 is three failed devices, so a wait exits 6); 1e300, -5 or a count beyond
// int64 is a malformed answer (exit 1 naming the member), never a cast with undefined behaviour.

#include <catch2/catch.hpp>

#include "cli/wait.hpp"
#include "job_fixtures.hpp"

using namespace iotc::testing;
using iotc::model::Json;

namespace {

Json job_with_failed(const Json& failed) {
  Json job = job_json("job-1", "complete", Progress{10, 7, 3});
  job["progress"]["failed"] = failed;
  return job;
}

}  // namespace

TEST_CASE("wait exits 6 for a finished job with failed: 3.0", "[cli][numbers]") {
  CommandHarness h;
  h.env["IOTC_OUTPUT"] = "json";
  h.http.on("GET", "/api/jobs/job-1").reply(200, job_with_failed(Json(3.0)));
  iotc::cli::WaitOptions options;
  options.job_id = "job-1";
  const auto result = h.run([&](auto& context) { run_wait(options, context); });
  CHECK(result.exit_code == 6);
  CHECK(has(result.err, "3 of 10 devices failed"));
}

TEST_CASE("counts that are not counts are a malformed answer on every command that reads them",
          "[cli][numbers]") {
  const auto [text, shown] = GENERATE(table<std::string, std::string>({
      {"1e300", "1e+300"},
      {"-5", "-5"},
      {"2.5", "2.5"},
      {"18446744073709551615", "18446744073709551615"},
      {"9223372036854775808", "9223372036854775808"},
      {"-9.3e18", "-9.3e+18"},
      {"\"3\"", "\"3\""},
  }));
  const std::vector<std::string> line = GENERATE(
      std::vector<std::string>{"wait", "job-1"}, std::vector<std::string>{"show", "job-1"},
      std::vector<std::string>{"-o", "tsv", "show", "job-1"},
      std::vector<std::string>{"-o", "json", "show", "job-1"},
      std::vector<std::string>{"list"});
  CommandHarness h;
  std::string body = job_with_failed(0).dump();
  const std::string zero = "\"failed\":0";
  body.replace(body.find(zero), zero.size(), "\"failed\":" + text);
  if (line.back() == "job-1") {
    h.http.on("GET", "/api/jobs/job-1").reply(200, body);
  } else {
    h.http.on("GET", "/api/jobs").reply(200, R"({"value":[)" + body + "]}");
  }
  const auto result = h.run_line(line);
  INFO(line.front() << " with failed: " << text << "\n" << result.err);
  CHECK(result.exit_code == 1);
  CHECK(has(result.err, "progress.failed"));
  CHECK_FALSE(has(result.out, "0/10"));
}

TEST_CASE("a Retry-After beyond int64 seconds saturates and the call gives up at once",
          "[cli][numbers]") {
  CommandHarness h;
  h.http.on("GET", "/api/jobs/job-1")
      .reply(429, R"({"error":{"code":"TooManyRequests","message":"later"}})",
             {{"Retry-After", "99999999999999999999999"}});
  const auto result = h.run_line({"show", "job-1"});
  CHECK(result.exit_code == 1);
  CHECK(has(result.err, "asks to retry"));
  CHECK(h.clock.sleeps.empty());  // neither the back-off of an ignored header nor the wait
}
