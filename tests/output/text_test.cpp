#include "output/text.hpp"

#include <catch2/catch.hpp>

using namespace iotc::output;

TEST_CASE("control characters from the service are neutralised", "[text]") {
  CHECK(neutralize_controls("plain name") == "plain name");
  CHECK(neutralize_controls("evil\x1b]0;pwned\x07name") == "evil\\x1b]0;pwned\\x07name");
  CHECK(neutralize_controls("two\nlines\ttab\r") == "two\\nlines\\ttab\\r");
  CHECK(neutralize_controls("del\x7f") == "del\\x7f");
  // U+009B (CSI) is a C1 control that some terminals obey.
  CHECK(neutralize_controls("c1\xC2\x9B"
                            "31m") == "c1\\u009b31m");
  // Valid non-ASCII text passes unchanged; invalid bytes become U+FFFD.
  CHECK(neutralize_controls("Température ✓") == "Température ✓");
  CHECK(neutralize_controls("bad\xff") == "bad\xEF\xBF\xBD");
}

TEST_CASE("widths count code points, truncation ends with an ellipsis", "[text]") {
  CHECK(display_width("abc") == 3);
  CHECK(display_width("Température") == 11);
  CHECK(truncate_to_width("abcdef", 6) == "abcdef");
  CHECK(truncate_to_width("abcdefgh", 5) == "abcd…");
  CHECK(truncate_to_width("éééééé", 3) == "éé…");
  CHECK(pad_right("ab", 4) == "ab  ");
  CHECK(pad_right("abcdef", 4) == "abcdef");
}
