// Fuzz target: the text of option values, as a user types them. The same bytes go to every
// parser of a flag value: --set/--call VALUE, --batch/--cancel-threshold N|N%, the durations of
// --timeout (config) and --interval (cli), Retry-After (the service's header) and
// --api-version. The invariants:
//   - a parser either returns or throws UsageError (exit 2 with a message); nothing else;
//   - what --batch/--cancel-threshold return is a well-typed size that the job validation reads
//     without a type problem;
//   - a duration is positive (--interval) or not negative (--timeout), and where both parsers of
//     durations accept a text they agree on its value;
//   - parse_value gives the JSON the text is, or the text itself as a string, or refuses it
//     (a number that would change on the way, text that starts like JSON but does not parse);
//     what it refuses names the flag and offers the text as a JSON string, or says that the
//     text is not UTF-8 (which no JSON string can carry).

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <string>
#include <string_view>

#include "api/retry_after.hpp"
#include "api/retry_policy.hpp"
#include "cli/values.hpp"
#include "config/duration.hpp"
#include "errors.hpp"
#include "fuzz_check.hpp"
#include "model/api_version.hpp"
#include "model/json_text.hpp"
#include "model/validation.hpp"

namespace iotc::testing {
namespace {

using model::Json;

void check_value(std::string_view text) {
  Json value;
  try {
    value = cli::parse_value("--set", "x", text);
  } catch (const UsageError& error) {
    const std::string message = error.what();
    FUZZ_CHECK(message.starts_with("--set ") && (message.find("the text:") != std::string::npos ||
                                                  message.find("UTF-8") != std::string::npos),
               message);
    return;
  }
  const std::optional<Json> as_json = model::parse_json(text);
  if (as_json) {
    FUZZ_CHECK(value == *as_json, describe(value));
  } else if (model::json_depth_within(text)) {
    FUZZ_CHECK(value.is_string() && value.get<std::string>() == text, describe(value));
  }
}

void check_assignment(std::string_view text) {
  try {
    const auto [path, value] = cli::parse_assignment("--set", text);
    FUZZ_CHECK(!path.empty() && text.starts_with(path + "="), path);
  } catch (const UsageError& error) {
    FUZZ_CHECK(std::string(error.what()).find("--set") != std::string::npos, error.what());
  }
  try {
    const auto [name, value] = cli::parse_call(text);
    FUZZ_CHECK(!name.empty() && text.starts_with(name), name);
    FUZZ_CHECK(value.has_value() == (text.find('=') != std::string_view::npos), name);
  } catch (const UsageError&) {
  }
}

// A size from --batch must reach the validation as a size, whatever its value.
void check_size(std::string_view text) {
  Json size;
  try {
    size = cli::parse_size("--batch", text);
  } catch (const UsageError& error) {
    FUZZ_CHECK(std::string(error.what()).find("--batch") != std::string::npos, error.what());
    return;
  }
  FUZZ_CHECK(size.is_object() && size.contains("type") && size.contains("value") &&
                 size["value"].is_number(),
             describe(size));
  Json job = {{"group", "g"},
              {"data", Json::array({{{"type", "command"}, {"target", "t"}, {"path", "p"}}})},
              {"batch", size},
              {"cancellationThreshold", size}};
  for (const auto& problem : model::check_job_payload(job, model::ApiVersion::v2022_07_31)) {
    FUZZ_CHECK(problem.path == "batch.value" || problem.path == "cancellationThreshold.value",
               problem.to_string() + " for " + describe(size));
  }
}

void check_durations(std::string_view text) {
  std::optional<std::chrono::milliseconds> interval;
  try {
    interval = cli::parse_duration_flag("--interval", text);
    FUZZ_CHECK(interval->count() > 0, std::string(text));
  } catch (const UsageError&) {
  }
  const std::optional<std::chrono::milliseconds> timeout = config::parse_duration(text);
  if (timeout) FUZZ_CHECK(timeout->count() >= 0, std::string(text));
  if (interval && timeout) {
    FUZZ_CHECK(*interval == *timeout, "--interval and --timeout read '" + std::string(text) +
                                          "' as " + std::to_string(interval->count()) + " and " +
                                          std::to_string(timeout->count()) + " ms");
  }
  const auto now = std::chrono::system_clock::time_point(std::chrono::hours(24 * 365 * 56));
  if (const auto wait = api::parse_retry_after(text, now)) {
    FUZZ_CHECK(wait->count() >= 0, std::string(text));
  }
}

void check_api_version(std::string_view text) {
  if (const auto version = model::parse_api_version(text)) {
    FUZZ_CHECK(model::to_string(*version) == text, std::string(text));
  }
}

}  // namespace
}  // namespace iotc::testing

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // Option values arrive as C strings (argv, a header line): none holds a NUL byte.
  std::string_view text(reinterpret_cast<const char*>(data), size);
  text = text.substr(0, text.find('\0'));
  try {
    iotc::testing::check_value(text);
    iotc::testing::check_assignment(text);
    iotc::testing::check_size(text);
    iotc::testing::check_durations(text);
    iotc::testing::check_api_version(text);
  } catch (const std::exception& error) {
    FUZZ_CHECK(false, std::string("an option parser threw: ") + error.what());
  }
  return 0;
}
