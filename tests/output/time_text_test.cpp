#include "output/time_text.hpp"

#include <catch2/catch.hpp>

#include "model/time_point.hpp"

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

TEST_CASE("times beyond the years the clock counts are refused, not overflowed", "[time]") {
  // system_clock counts nanoseconds in 64 bits (1678 to 2262): converting year 4052 overflowed.
  for (const char* text :
       {"4052-11-27T09:00:00.000Z", "9999-12-31T23:59:59Z", "0000-01-01T00:00:00Z",
        "1677-01-01T00:00:00Z", "2200-01-01T00:00:00Z", "1899-12-31T23:59:59Z"}) {
    INFO(text);
    CHECK_FALSE(parse_rfc3339(text));
    CHECK(iotc::model::read_rfc3339(text).out_of_range);
  }
  const auto first = parse_rfc3339("1900-01-01T00:00:00Z");
  const auto last = parse_rfc3339("2199-12-31T23:59:59.999+01:00");
  REQUIRE(first);
  REQUIRE(last);
  CHECK_FALSE(iotc::model::read_rfc3339("2026-13-01T00:00:00Z").out_of_range);
  // Centuries apart, counted in seconds: no overflow, whole days.
  CHECK(relative_time(*first, *last) == "109572d ago");
  CHECK(relative_time(*last, *first) == "in 109572d");
  CHECK(iotc::model::read_date("2199-12-31"));
  CHECK_FALSE(iotc::model::read_date("2200-01-01"));
  CHECK_FALSE(iotc::model::read_date("9999-12-31"));
  CHECK_FALSE(iotc::model::read_date("1899-12-31"));
}
