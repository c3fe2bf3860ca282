#include "api/retry_after.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <string>
#include <vector>

#include "util/ascii_case.hpp"
#include "util/trim.hpp"

namespace iotc::api {
namespace {

constexpr std::array<std::string_view, 12> kMonths = {"jan", "feb", "mar", "apr", "may", "jun",
                                                      "jul", "aug", "sep", "oct", "nov", "dec"};

std::optional<long long> parse_number(std::string_view text) {
  long long value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size() || value < 0) {
    return std::nullopt;
  }
  return value;
}

std::vector<std::string_view> split(std::string_view text) {
  std::vector<std::string_view> tokens;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == ' ' || text[i] == ',' || text[i] == '-') {
      if (i > start) tokens.push_back(text.substr(start, i - start));
      start = i + 1;
    }
  }
  return tokens;
}

std::optional<unsigned> month_of(std::string_view token) {
  if (token.size() != 3) return std::nullopt;
  auto it = std::ranges::find(kMonths, util::to_lower_ascii(token));
  if (it == kMonths.end()) return std::nullopt;
  return static_cast<unsigned>(it - kMonths.begin()) + 1;
}

// "08:49:37" -> seconds since midnight.
std::optional<long long> time_of_day(std::string_view token) {
  if (token.size() != 8 || token[2] != ':' || token[5] != ':') return std::nullopt;
  auto h = parse_number(token.substr(0, 2));
  auto m = parse_number(token.substr(3, 2));
  auto s = parse_number(token.substr(6, 2));
  if (!h || !m || !s || *h > 23 || *m > 59 || *s > 60) return std::nullopt;
  return *h * 3600 + *m * 60 + *s;
}

}  // namespace

// IMF-fixdate "Sun, 06 Nov 1994 08:49:37 GMT", RFC 850 "Sunday, 06-Nov-94 08:49:37 GMT" and
// asctime "Sun Nov  6 08:49:37 1994": the tokens are the same, only their order differs.
std::optional<std::chrono::system_clock::time_point> parse_http_date(std::string_view text) {
  std::optional<unsigned> month;
  std::optional<long long> seconds;
  std::vector<std::string_view> numbers;
  for (std::string_view token : split(text)) {
    if (auto m = month_of(token)) {
      month = m;
    } else if (auto t = time_of_day(token)) {
      seconds = t;
    } else if (parse_number(token)) {
      numbers.push_back(token);
    }
  }
  if (!month || !seconds || numbers.size() != 2) return std::nullopt;
  // The year is the 4-digit number (or, in RFC 850, the second of two 2-digit numbers).
  bool first_is_year = numbers[0].size() == 4;
  long long day = *parse_number(numbers[first_is_year ? 1 : 0]);
  std::string_view year_text = numbers[first_is_year ? 0 : 1];
  long long year = *parse_number(year_text);
  if (year_text.size() == 2) year += year < 70 ? 2000 : 1900;
  // system_clock counts nanoseconds in 64 bits (1678-2261): a year outside this window would
  // overflow it, and no service means one.
  if (year < 1970 || year > 2200) return std::nullopt;
  std::chrono::year_month_day date{std::chrono::year(static_cast<int>(year)),
                                   std::chrono::month(*month),
                                   std::chrono::day(static_cast<unsigned>(day))};
  if (!date.ok()) return std::nullopt;
  return std::chrono::sys_days(date) + std::chrono::seconds(*seconds);
}

std::optional<std::chrono::milliseconds> parse_retry_after(
    std::string_view value, std::chrono::system_clock::time_point now) {
  value = util::trim(value);
  // Absurd values saturate rather than overflow; the caller compares them with its limits (and
  // gives up on a wait that long). Digits beyond int64 are such a value too, not "no header":
  // ignoring them would retry at once what the service asked to be left alone for ages.
  constexpr long long kMaxSeconds = 100LL * 365 * 24 * 3600;
  if (auto seconds = parse_number(value)) {
    return std::chrono::seconds(std::min(*seconds, kMaxSeconds));
  }
  if (!value.empty() && std::ranges::all_of(value, [](char c) { return c >= '0' && c <= '9'; })) {
    return std::chrono::seconds(kMaxSeconds);
  }
  auto date = parse_http_date(value);
  if (!date) return std::nullopt;
  if (*date <= now) return std::chrono::milliseconds(0);
  return std::chrono::ceil<std::chrono::milliseconds>(*date - now);
}

}  // namespace iotc::api
