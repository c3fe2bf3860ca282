#include "cli/values.hpp"

#include <catch2/catch.hpp>

#include "errors.hpp"

using namespace iotc::cli;
using namespace std::chrono_literals;

TEST_CASE("VALUE is JSON when it parses, else a string", "[values]") {
  CHECK(parse_value("56") == Json(56));
  CHECK(parse_value("21.5") == Json(21.5));
  CHECK(parse_value("true") == Json(true));
  CHECK(parse_value("null") == Json(nullptr));
  CHECK(parse_value(R"("56")") == Json("56"));
  CHECK(parse_value(R"({"a":1})") == Json{{"a", 1}});
  CHECK(parse_value("Contoso") == Json("Contoso"));
  CHECK(parse_value("2021-06-15T05:00:00.000Z") == Json("2021-06-15T05:00:00.000Z"));
  CHECK(parse_value("") == Json(""));
  CHECK(parse_value("{broken") == Json("{broken"));
}

TEST_CASE("PATH=VALUE splits at the first '='", "[values]") {
  CHECK(parse_assignment("--set", "targetTemperature=56") ==
        std::pair{std::string("targetTemperature"), Json(56)});
  CHECK(parse_assignment("--set", "a.b=x=y").second == Json("x=y"));
  CHECK(parse_assignment("--set", "name=").second == Json(""));
  CHECK_THROWS_AS(parse_assignment("--set", "novalue"), iotc::UsageError);
  CHECK_THROWS_WITH(parse_assignment("--set", "=5"), Catch::Contains("--set: expected PATH=VALUE"));
  CHECK(parse_call("reboot").second == std::nullopt);
  CHECK(parse_call("getMaxMinReport=\"2021-06-15\"").second == Json("2021-06-15"));
  CHECK_THROWS_AS(parse_call(""), iotc::UsageError);
}

TEST_CASE("sizes: --batch N or N% reads a device count or a percentage", "[values]") {
  CHECK(parse_size("--batch", "10") == Json{{"type", "number"}, {"value", 10}});
  CHECK(parse_size("--batch", "25%") == Json{{"type", "percentage"}, {"value", 25}});
  CHECK(parse_size("--batch", "12.5%") == Json{{"type", "percentage"}, {"value", 12.5}});
  CHECK(parse_size("--batch", "10")["value"].is_number_integer());
  // Ranges are the validator's job: 0 and 150% parse, and are rejected later with a path.
  CHECK(parse_size("--batch", "150%")["value"] == Json(150));
  CHECK_THROWS_WITH(parse_size("--cancel-threshold", "ten"), Catch::Contains("--cancel-threshold"));
  CHECK_THROWS_AS(parse_size("--batch", "%"), iotc::UsageError);
  CHECK_THROWS_AS(parse_size("--batch", "10 %"), iotc::UsageError);
}

TEST_CASE("durations: 90s, 5m, 1h30m, 500ms, bare seconds", "[values]") {
  CHECK(parse_duration_flag("--timeout", "90s") == 90s);
  CHECK(parse_duration_flag("--timeout", "5m") == 5min);
  CHECK(parse_duration_flag("--timeout", "1h30m") == 90min);
  CHECK(parse_duration_flag("--timeout", "500ms") == 500ms);
  CHECK(parse_duration_flag("--timeout", "2") == 2s);
  CHECK(parse_duration_flag("--interval", "1.5s") == 1500ms);
  CHECK_THROWS_AS(parse_duration_flag("--timeout", "5m30"), iotc::UsageError);
  CHECK_THROWS_AS(parse_duration_flag("--timeout", "0s"), iotc::UsageError);
  CHECK_THROWS_AS(parse_duration_flag("--timeout", "soon"), iotc::UsageError);
  CHECK_THROWS_AS(parse_duration_flag("--timeout", "5d"), iotc::UsageError);
  CHECK_THROWS_WITH(parse_duration_flag("--interval", ""), Catch::Contains("--interval"));
}
