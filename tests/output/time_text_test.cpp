#include "output/time_text.hpp"

#include <catch2/catch.hpp>

using namespace iotc::output;
using namespace std::chrono;

TEST_CASE("RFC 3339 times are read with fractions and offsets", "[time]") {
  const auto base = parse_rfc3339("2022-07-31T10:20:30Z");
  REQUIRE(base);
  CHECK(format_rfc3339(*base) == "2022-07-31T10:20:30Z");
  CHECK(parse_rfc3339("2022-07-31T10:20:30.500Z") == *base + milliseconds(500));
  CHECK(parse_rfc3339("2022-07-31T12:20:30+02:00") == *base);
  CHECK_FALSE(parse_rfc3339("yesterday"));
  CHECK_FALSE(parse_rfc3339("2022-13-01T00:00:00Z"));
  CHECK_FALSE(parse_rfc3339("2022-07-31T10:20:30"));
}

TEST_CASE("relative times read like people speak", "[time]") {
  const auto now = *parse_rfc3339("2026-11-27T10:00:00Z");
  CHECK(relative_time(now - seconds(2), now) == "just now");
  CHECK(relative_time(now - seconds(42), now) == "42s ago");
  CHECK(relative_time(now - minutes(5), now) == "5m ago");
  CHECK(relative_time(now - hours(3), now) == "3h ago");
  CHECK(relative_time(now - hours(50), now) == "2d ago");
  CHECK(relative_time(now + minutes(4), now) == "in 4m");
}
