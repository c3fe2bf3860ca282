#include "cli/suggest.hpp"

#include <algorithm>
#include <vector>

namespace iotc::cli {
namespace {

constexpr std::size_t kMaxEdits = 2;

// Optimal string alignment distance: insertions, deletions, substitutions and swaps of two
// neighbouring letters ("shwo" -> "show") each count as one edit.
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.size()][b.size()];
}

}  // namespace

std::optional<std::string> closest_match(std::string_view typed,
                                         std::span<const std::string> candidates) {
  if (typed.empty()) return std::nullopt;
  std::optional<std::string> best;
  std::size_t best_distance = kMaxEdits + 1;
  for (const auto& candidate : candidates) {
    if (candidate.starts_with(typed)) return candidate;
    const std::size_t distance = edit_distance(typed, candidate);
    if (distance < best_distance && distance * 2 < std::max(typed.size(), candidate.size())) {
      best = candidate;
      best_distance = distance;
    }
  }
  return best;
}

}  // namespace iotc::cli
