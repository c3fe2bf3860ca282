#pragma once
// Whether this build runs under AddressSanitizer: its shadow memory makes a process's peak RSS no
// measure of what the process itself allocated, so memory measurements are skipped under it.

namespace iotc::testing {

#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool kUnderAsan = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr bool kUnderAsan = true;
#else
inline constexpr bool kUnderAsan = false;
#endif
#else
inline constexpr bool kUnderAsan = false;
#endif

}  // namespace iotc::testing
