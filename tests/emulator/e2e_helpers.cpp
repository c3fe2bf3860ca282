#include "e2e_helpers.hpp"

#include <catch2/catch.hpp>

namespace iotc::testing {

std::string api(const std::string& path, const std::string& version) {
  return "/api/" + path + (path.find('?') == std::string::npos ? "?" : "&") +
         "api-version=" + version;
}

Json collect_pages(const EmulatorProcess& emulator, const std::string& path, int* pages) {
  Json items = Json::array();
  std::string next = path;
  int count = 0;
  while (!next.empty()) {
    auto r = emulator.request("GET", next);
    REQUIRE(r.status == 200);
    ++count;
    for (const auto& item : r.body["value"]) items.push_back(item);
    next.clear();
    if (r.body.contains("nextLink")) {
      std::string link = r.body["nextLink"].get<std::string>();
      REQUIRE(link.rfind(emulator.base_url(), 0) == 0);  // absolute, back to the emulator
      next = link.substr(emulator.base_url().size());
    }
  }
  if (pages) *pages = count;
  return items;
}

}  // namespace iotc::testing
