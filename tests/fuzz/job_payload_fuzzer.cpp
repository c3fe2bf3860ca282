// Fuzz target: a job file, as `create --file` reads it. Bytes -> JSON -> check_job_payload in
// every api-version -> the create body. The invariants:
//   - reading and validating never throw and never crash, whatever the JSON;
//   - every problem says what is wrong;
//   - a payload that validates clean writes (to_json, to_create_body) without throwing, and what
//     it writes validates clean again, reads back to the same JSON, and survives dump/parse.

#include <cstddef>
#include <cstdint>
#include <exception>
#include <optional>
#include <string>

#include "fuzz_check.hpp"
#include "model/api_version.hpp"
#include "model/job_json.hpp"
#include "model/validation.hpp"

namespace iotc::testing {
namespace {

using model::ApiVersion;
using model::Json;

std::string problems_text(const model::Problems& problems) {
  std::string text;
  for (const auto& problem : problems) text += problem.to_string() + "; ";
  return text;
}

// What a clean payload writes must be a clean payload of the same version, stable under a
// second round through the model and through text.
void check_written(const Json& written, ApiVersion version) {
  model::Job again;
  const model::Problems problems = model::check_job_payload(written, version, &again);
  FUZZ_CHECK(problems.empty(), problems_text(problems) + " in " + describe(written));
  FUZZ_CHECK(model::to_json(again, version) == written, describe(written));
  const Json reparsed = Json::parse(written.dump(), nullptr, false);
  FUZZ_CHECK(reparsed == written, describe(written));
}

void check_version(const Json& payload, ApiVersion version) {
  model::Job job;
  const model::Problems problems = model::check_job_payload(payload, version, &job);
  for (const auto& problem : problems) {
    FUZZ_CHECK(!problem.message.empty(), "a problem without a message at " + problem.path);
  }
  if (!payload.is_object()) FUZZ_CHECK(!problems.empty(), describe(payload));
  if (!problems.empty()) {
    // An invalid job is never sent, but `--dry-run` and error messages may still print it:
    // writing may refuse a type the version lacks, and nothing else.
    try {
      (void)model::to_json(job, version);
    } catch (const model::UnsupportedInVersion&) {
    }
    return;
  }
  try {
    check_written(model::to_json(job, version), version);
    check_written(model::to_create_body(job, version), version);
  } catch (const std::exception& error) {
    FUZZ_CHECK(false, std::string("a valid job failed to write: ") + error.what() + " for " +
                          describe(payload));
  }
}

}  // namespace
}  // namespace iotc::testing

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::optional<iotc::model::Json> payload = iotc::testing::parse_fuzz_input(data, size);
  if (!payload) return 0;
  for (iotc::model::ApiVersion version : iotc::model::all_api_versions()) {
    iotc::testing::check_version(*payload, version);
  }
  return 0;
}
