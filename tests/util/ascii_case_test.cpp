#include "util/ascii_case.hpp"

#include <catch2/catch.hpp>

using iotc::util::iequals;
using iotc::util::starts_with_ignoring_case;
using iotc::util::to_lower_ascii;

TEST_CASE("to_lower_ascii folds A to Z and nothing else") {
  CHECK(to_lower_ascii("Content-Type: X1") == "content-type: x1");
  CHECK(to_lower_ascii('Q') == 'q');
  CHECK(to_lower_ascii('@') == '@');
  CHECK(to_lower_ascii('[') == '[');
  CHECK(to_lower_ascii("\xC3\x84") == "\xC3\x84");  // Ä stays as it is
  CHECK(to_lower_ascii("") == "");
}

TEST_CASE("iequals compares ASCII without case") {
  CHECK(iequals("Authorization", "authorization"));
  CHECK(iequals("", ""));
  CHECK_FALSE(iequals("Bearer", "Bearer "));
  CHECK_FALSE(iequals("a", "b"));
  // '@' and '`' are 'A' - 1 and 'a' - 1: no off-by-one folds them together.
  CHECK_FALSE(iequals("@", "`"));
  CHECK_FALSE(iequals("\xC3\x84", "\xC3\xA4"));
}

TEST_CASE("starts_with_ignoring_case") {
  CHECK(starts_with_ignoring_case("SharedAccessSignature sr=x", "sharedaccesssignature "));
  CHECK(starts_with_ignoring_case("bearer", "BEARER"));
  CHECK(starts_with_ignoring_case("anything", ""));
  CHECK_FALSE(starts_with_ignoring_case("bear", "bearer"));
  CHECK_FALSE(starts_with_ignoring_case("xbearer", "bearer"));
}
