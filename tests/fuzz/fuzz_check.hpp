#pragma once
// Invariant checks for the fuzz targets. They abort (so that libFuzzer records the input as a
// crash) in every build type: assert() would vanish under NDEBUG, which RelWithDebInfo defines.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

#include "model/job.hpp"
#include "model/json_text.hpp"

namespace iotc::testing {

[[noreturn]] inline void fuzz_failure(const char* condition, std::string_view detail,
                                      const char* file, int line) {
  std::fprintf(stderr, "%s:%d: invariant broken: %s\n  %.*s\n", file, line, condition,
               static_cast<int>(detail.size()), detail.data());
  std::abort();
}

// How deep `json` nests, counting no further than `limit` + 1.
inline std::size_t nesting_depth(const model::Json& json, std::size_t limit) {
  if (!json.is_structured() || limit == 0) return json.is_structured() ? 1 : 0;
  std::size_t deepest = 0;
  for (const model::Json& child : json) {
    deepest = std::max(deepest, nesting_depth(child, limit - 1));
  }
  return deepest + 1;
}

// The input as JSON, read the way the product reads outside text (model::parse_json: never
// throws, refuses deep nesting); nullopt means "not JSON" and the input is skipped.
inline std::optional<model::Json> parse_fuzz_input(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  std::optional<model::Json> json = model::parse_json(text);
  if (json && nesting_depth(*json, model::kMaxJsonDepth) > model::kMaxJsonDepth) {
    fuzz_failure("nesting_depth(json) <= kMaxJsonDepth", "parse_json let a deeper document in",
                 __FILE__, __LINE__);
  }
  return json;
}

// A short, printable view of a JSON value for failure messages.
inline std::string describe(const model::Json& json) {
  constexpr std::size_t kMaxShown = 2000;
  std::string text = json.dump(-1, ' ', false, model::Json::error_handler_t::replace);
  if (text.size() > kMaxShown) text = text.substr(0, kMaxShown) + "...";
  return text;
}

}  // namespace iotc::testing

#define FUZZ_CHECK(condition, detail) \
  ((condition) ? (void)0 : ::iotc::testing::fuzz_failure(#condition, (detail), __FILE__, __LINE__))
