#include "util/trim.hpp"

#include <catch2/catch.hpp>
#include <string>

using iotc::util::trim;

TEST_CASE("trim cuts ASCII whitespace off both ends and keeps the middle") {
  CHECK(trim("  a b \t") == "a b");
  CHECK(trim("\r\n\v\fx\n") == "x");
  CHECK(trim("x") == "x");
  CHECK(trim("") == "");
  CHECK(trim(" \t\r\n ") == "");
}

TEST_CASE("trim returns a view into its argument") {
  const std::string text = "  token ";
  const std::string_view trimmed = trim(text);
  CHECK(trimmed.data() == text.data() + 2);
}

TEST_CASE("trim leaves bytes outside ASCII alone") {
  // A no-break space (U+00A0) is two bytes of UTF-8, neither of them ASCII whitespace.
  CHECK(trim("\xC2\xA0x\xC2\xA0") == "\xC2\xA0x\xC2\xA0");
  CHECK(trim(std::string_view("\0x", 2)) == std::string_view("\0x", 2));
}

TEST_CASE("trim takes the set of characters to cut") {
  CHECK(trim(" \tid\n", " \t") == "id\n");
  CHECK(trim("\v5 ", " \t\r\n") == "\v5");
  CHECK(trim("--x--", "-") == "x");
}
