#include "cli/ids.hpp"

#include <catch2/catch.hpp>
#include <regex>
#include <string>
#include <vector>

#include "cli/completion/spec.hpp"
#include "model/scheduled_job.hpp"
#include "model/validation.hpp"
#include "output/time_text.hpp"

using namespace iotc::cli;

TEST_CASE("generated job ids carry the UTC time and four random characters", "[ids]") {
  const auto now = *iotc::output::parse_rfc3339("2026-11-27T09:38:55Z");
  double next = 0.0;
  const std::string id = generate_job_id(now, [&] { return next += 0.2; });
  CHECK(id.rfind("job-20261127-093855-", 0) == 0);
  CHECK(id.size() == std::string("job-20261127-093855-abcd").size());
  CHECK(iotc::model::is_valid_job_id(id));
}

TEST_CASE("generated rerun ids name the job and stay within 255 characters", "[ids]") {
  const auto now = *iotc::output::parse_rfc3339("2026-11-27T09:45:01Z");
  CHECK(generate_rerun_id("job-006", now) == "job-006-rerun-20261127-094501");
  const std::string long_id(255, 'a');
  const std::string rerun = generate_rerun_id(long_id, now);
  CHECK(rerun.size() == 255);
  CHECK(iotc::model::is_valid_job_id(rerun));
}

TEST_CASE("the shells offer as an id of each kind what the model takes as one", "[ids]") {
  // The completion scripts filter what a service sends by these rules before offering it.
  const std::vector<std::string> samples = {"",
                                            "a",
                                            "job-1",
                                            "A_b-9",
                                            std::string(255, 'x'),
                                            std::string(256, 'x'),
                                            "a b",
                                            "$(touch pwned)",
                                            "`touch pwned`",
                                            "a;b",
                                            "\x1b[31mred",
                                            "cr\r",
                                            "tab\tid",
                                            "caf\xc3\xa9",
                                            "a\nb",
                                            "a/b",
                                            "a.b"};
  for (const auto& lookup : iotc::cli::completion::kIdLookups) {
    const std::regex rule(std::string(lookup.rule), std::regex::extended);
    for (const auto& id : samples) {
      INFO(lookup.name << " id " << id);
      // Job, group (check_group_id) and scheduled job ids (check_schedule_id) have one rule.
      CHECK(std::regex_search(id, rule) == iotc::model::is_valid_job_id(id));
    }
    CHECK(lookup.rule_text == iotc::model::kJobIdRule);
  }
  CHECK(std::string_view(iotc::model::kScheduleIdRule) == iotc::model::kJobIdRule);
}
