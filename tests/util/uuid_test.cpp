#include "util/uuid.hpp"

#include <catch2/catch.hpp>
#include <set>
#include <string>

TEST_CASE("UUIDs are version 4, in lower-case hex, different each time") {
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) {
    const std::string id = iotc::util::new_uuid_v4();
    REQUIRE(id.size() == 36);
    for (std::size_t at : {8u, 13u, 18u, 23u}) CHECK(id[at] == '-');
    CHECK(id[14] == '4');
    CHECK(std::string("89ab").find(id[19]) != std::string::npos);
    CHECK(id.find_first_not_of("0123456789abcdef-") == std::string::npos);
    seen.insert(id);
  }
  CHECK(seen.size() == 100);
}
