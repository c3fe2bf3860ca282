#include "emulator/clock.hpp"

#include <catch2/catch.hpp>

using namespace iotc::emulator;

TEST_CASE("durations read ms, s, m, h, d and bare seconds") {
  CHECK(parse_duration_ms("1500ms") == 1500);
  CHECK(parse_duration_ms("10s") == 10000);
  CHECK(parse_duration_ms("2.5m") == 150000);
  CHECK(parse_duration_ms("1h") == 3600000);
  CHECK(parse_duration_ms("1d") == 86400000);
  CHECK(parse_duration_ms("3") == 3000);
  CHECK(parse_duration_ms("1m30s") == 90000);  // the CLI's grammar too
  CHECK_FALSE(parse_duration_ms("-1s"));
  CHECK_FALSE(parse_duration_ms("10 parsecs"));
  CHECK_FALSE(parse_duration_ms(""));
}

TEST_CASE("times are written as ISO 8601 and RFC 1123 in UTC") {
  CHECK(format_iso8601(1623733200000) == "2021-06-15T05:00:00.000Z");
  CHECK(format_iso8601(1623733200123) == "2021-06-15T05:00:00.123Z");
  CHECK(format_rfc1123(1623733200000) == "Tue, 15 Jun 2021 05:00:00 GMT");
}

TEST_CASE("the manual clock moves only when advanced") {
  ManualClock clock(1000);
  CHECK(clock.now() == 1000);
  clock.advance(500);
  CHECK(clock.now() == 1500);
  CHECK(clock.is_manual());
}

TEST_CASE("the scaled clock runs faster and can be advanced") {
  ScaledClock clock(1000.0, 0);
  auto first = clock.now();
  CHECK(first >= 0);
  clock.advance(60000);
  CHECK(clock.now() >= first + 60000);
  CHECK_FALSE(clock.is_manual());
}
