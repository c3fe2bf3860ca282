#pragma once
// Invariant checks for the fuzz targets. They abort (so that libFuzzer records the input as a
// crash) in every build type: assert() would vanish under NDEBUG, which RelWithDebInfo defines.

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "model/job.hpp"

namespace iotc::testing {

[[noreturn]] inline void fuzz_failure(const char* condition, std::string_view detail,
                                      const char* file, int line) {
  std::fprintf(stderr, "%s:%d: invariant broken: %s\n  %.*s\n", file, line, condition,
               static_cast<int>(detail.size()), detail.data());
  std::abort();
}

// The input as JSON, never throwing: libFuzzer's inputs are rarely JSON at all, and the targets
// must not spend their time in exceptions. A discarded value means "not JSON".
inline model::Json parse_fuzz_input(const std::uint8_t* data, std::size_t size) {
  return model::Json::parse(data, data + size, nullptr, /*allow_exceptions=*/false);
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
