#pragma once
// "Did you mean ...?" for a mistyped subcommand.

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace iotc::cli {

// The candidate closest to `typed` by edit distance, when it is close enough to be a typo
// (at most 2 edits, and fewer than half the word), or a candidate `typed` is a prefix of.
std::optional<std::string> closest_match(std::string_view typed,
                                         std::span<const std::string> candidates);

}  // namespace iotc::cli
