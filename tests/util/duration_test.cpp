#include "util/duration.hpp"

#include <catch2/catch.hpp>
#include <string>

using namespace std::chrono_literals;
using iotc::util::parse_duration;

namespace {
constexpr std::chrono::milliseconds kYear = std::chrono::days(365);
}

TEST_CASE("a duration is one or more parts of a number and a unit") {
  CHECK(parse_duration("1500ms", kYear) == 1500ms);
  CHECK(parse_duration("10s", kYear) == 10s);
  CHECK(parse_duration("2.5m", kYear) == 150s);
  CHECK(parse_duration("1h", kYear) == 1h);
  CHECK(parse_duration("1d", kYear) == 24h);
  CHECK(parse_duration("1m30s", kYear) == 90s);
  CHECK(parse_duration("1d12h", kYear) == 36h);
  CHECK(parse_duration("1h1m1s1ms", kYear) == 3'661'001ms);
  CHECK(parse_duration("0s", kYear) == 0ms);
  CHECK(parse_duration(".5s", kYear) == 500ms);
  CHECK(parse_duration("5.s", kYear) == 5s);
}

TEST_CASE("a number alone is seconds, and only when it is the whole duration") {
  CHECK(parse_duration("90", kYear) == 90s);
  CHECK(parse_duration("0.25", kYear) == 250ms);
  CHECK_FALSE(parse_duration("1m30", kYear));
  CHECK_FALSE(parse_duration("30 1m", kYear));
}

TEST_CASE("durations are rounded to the nearest millisecond") {
  CHECK(parse_duration("0.4ms", kYear) == 0ms);
  CHECK(parse_duration("0.5ms", kYear) == 1ms);
  CHECK(parse_duration("1.0005s", kYear) == 1001ms);
}

TEST_CASE("what is not a duration") {
  for (const char* bad : {"", "s", "ms", "5x", "5sec", "5 s", " 5s", "5s ", "-5", "-1s", "+5",
                          "1e3", "0x10", "1.2.3s", ".s", "inf", "nan", "5S", "10 parsecs",
                          "1h-1m"}) {
    CAPTURE(bad);
    CHECK_FALSE(parse_duration(bad, kYear));
  }
}

TEST_CASE("a duration longer than the caller's limit is refused, without overflow") {
  CHECK(parse_duration("365d", kYear) == kYear);
  CHECK_FALSE(parse_duration("365d1ms", kYear));
  CHECK_FALSE(parse_duration("366d", kYear));
  CHECK_FALSE(parse_duration(std::string(400, '9') + "d", kYear));
  CHECK_FALSE(parse_duration(std::string(20, '9') + "d", std::chrono::milliseconds::max()));
}
