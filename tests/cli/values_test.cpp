#include "cli/values.hpp"

#include <catch2/catch.hpp>

#include "errors.hpp"

using namespace iotc::cli;
using namespace std::chrono_literals;

TEST_CASE("VALUE is JSON when it parses, else a string", "[values]") {
  const auto value = [](std::string_view text) { return parse_value("--set", "x", text); };
  CHECK(value("56") == Json(56));
  CHECK(value("21.5") == Json(21.5));
  CHECK(value("-3") == Json(-3));
  CHECK(value("0") == Json(0));
  CHECK(value("0.1") == Json(0.1));
  CHECK(value("9007199254740992") == Json(9007199254740992));  // 2^53: still exact
  CHECK(value("true") == Json(true));
  CHECK(value("null") == Json(nullptr));
  CHECK(value(R"("56")") == Json("56"));
  CHECK(value(R"("1.10")") == Json("1.10"));
  CHECK(value(R"({"a":1})") == Json{{"a", 1}});
  CHECK(value("[1,2]") == Json{1, 2});
  CHECK(value("Contoso") == Json("Contoso"));
  CHECK(value("2021-06-15T05:00:00.000Z") == Json("2021-06-15T05:00:00.000Z"));
  CHECK(value("1.2.3") == Json("1.2.3"));  // a version, not a number
  CHECK(value("0x10") == Json("0x10"));
  CHECK(value("") == Json(""));
}

TEST_CASE("a number that would not arrive as typed is refused, showing both forms",
          "[values]") {
  const auto refusal = [](std::string_view text) -> std::string {
    try {
      parse_value("--set", "fw", text);
    } catch (const iotc::UsageError& error) {
      return error.what();
    }
    return "accepted";
  };
  const std::string trailing_zero = refusal("1.10");
  CHECK_THAT(trailing_zero, Catch::Contains("--set fw=1.10: the number 1.10 would reach the "
                                            "device as 1.1"));
  CHECK_THAT(trailing_zero, Catch::Contains(R"(the text:   --set 'fw="1.10"')"));
  CHECK_THAT(trailing_zero, Catch::Contains("the number: --set fw=1.1"));
  CHECK_THAT(refusal("007"), Catch::Contains("the number: --set fw=7"));
  CHECK_THAT(refusal("007"), Catch::Contains(R"(--set 'fw="007"')"));
  CHECK_THAT(refusal("1e3"), Catch::Contains("the number: --set fw=1000"));
  CHECK_THAT(refusal("1.0"), Catch::Contains("the number: --set fw=1"));
  CHECK_THAT(refusal("-0"), Catch::Contains("the number: --set fw=0"));
  CHECK_THAT(refusal(".5"), Catch::Contains("the number: --set fw=0.5"));
  CHECK_THAT(refusal("5."), Catch::Contains("the number: --set fw=5"));
  CHECK_THAT(refusal("+2"), Catch::Contains("the number: --set fw=2"));
  const std::string beyond = refusal("9007199254740993");
  CHECK_THAT(beyond, Catch::Contains("2^53 or more"));
  CHECK_THAT(beyond, Catch::Contains(R"(--set 'fw="9007199254740993"')"));
  CHECK_THAT(refusal("12345678901234567890123"), Catch::Contains("2^53 or more"));
}

TEST_CASE("text that starts like JSON but does not parse is refused", "[values]") {
  for (const char* text : {"[1,2", "{broken", R"("unterminated)", " [1,]", "{\"a\":1}}"}) {
    INFO(text);
    CHECK_THROWS_WITH(parse_value("--set", "arr", text),
                      Catch::Contains("starts like JSON but is not valid JSON") &&
                          Catch::Contains("the text:   --set 'arr="));
  }
  // The string form escapes what JSON needs escaped, and the shell quoting survives a quote.
  CHECK_THROWS_WITH(parse_value("--call", "say", R"(["it's)"),
                    Catch::Contains(R"(--call 'say="[\"it'\''s"')"));
}

TEST_CASE("a name or value that is not UTF-8 is refused: JSON cannot carry it", "[values]") {
  // Found by fuzzing: the refusal of a JSON-like value used to write the text as a JSON string.
  CHECK_THROWS_WITH(parse_value("--set", "x", "\"id\xff"),
                    Catch::Contains("--set VALUE: not valid UTF-8"));
  CHECK_THROWS_WITH(parse_value("--set", "x", "caf\xe9"), Catch::Contains("not valid UTF-8"));
  CHECK_THROWS_WITH(parse_value("--call", "\xff", "1"),
                    Catch::Contains("--call NAME: not valid UTF-8"));
  CHECK(parse_value("--set", "x", "caf\xc3\xa9") == Json("caf\xc3\xa9"));
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
  CHECK(parse_duration_flag("--interval", "1d") == 24h);  // the emulator's grammar too
  CHECK_THROWS_AS(parse_duration_flag("--timeout", "5w"), iotc::UsageError);
  CHECK_THROWS_WITH(parse_duration_flag("--interval", ""), Catch::Contains("--interval"));
}
