#include "emulator/router.hpp"

#include <catch2/catch.hpp>

using namespace iotc::emulator;

namespace {
Router sample() {
  Router router;
  router.add("GET", "/api/jobs/{}", [](Call&) {});
  router.add("PUT", "/api/jobs/{}", [](Call&) {});
  router.add("PUT", "/api/jobs/{}/rerun/{}", [](Call&) {});
  return router;
}
}  // namespace

TEST_CASE("routes capture whole segments") {
  auto m = sample().match("PUT", "/api/jobs/j-1/rerun/r_2");
  REQUIRE(m.route != nullptr);
  CHECK(m.params == std::vector<std::string>{"j-1", "r_2"});
  CHECK(sample().match("HEAD", "/api/jobs/j").route != nullptr);
}

TEST_CASE("an unknown path has no allowed method, a known one lists them") {
  auto none = sample().match("GET", "/api/jobs/a/b");
  CHECK(none.route == nullptr);
  CHECK(none.allowed.empty());
  CHECK(sample().match("GET", "/api/jobs/").allowed.empty());
  CHECK(sample().match("GET", "/api/jobs//rerun/x").allowed.empty());
  auto wrong = sample().match("DELETE", "/api/jobs/j");
  CHECK(wrong.route == nullptr);
  CHECK(wrong.allowed == std::vector<std::string>{"GET", "PUT"});
}
