#pragma once
// The one duration grammar of both programs (--timeout, --interval, --start now+…, the
// emulator's --tick and its admin clock): one or more "<number><unit>" parts, added up, with the
// units ms, s, m, h and d ("1500ms", "2.5m", "1h30m", "1d"); a number alone is seconds ("90").

#include <chrono>
#include <optional>
#include <string_view>

namespace iotc::util {

// Rounded to the nearest millisecond. nullopt when `text` is not a duration or is longer than
// `longest` (each caller knows what length is a typo). Never negative: there is no sign.
std::optional<std::chrono::milliseconds> parse_duration(std::string_view text,
                                                        std::chrono::milliseconds longest);

}  // namespace iotc::util
