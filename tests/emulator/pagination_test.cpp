// Paging: --page-size, maxpagesize (2022-10-31-preview only) and absolute nextLinks.
#include <catch2/catch.hpp>

#include "e2e_helpers.hpp"

using namespace iotc::testing;

namespace {
constexpr const char* kFleet = "6b3a5c2e-7d14-4f0a-b9e8-2c1d0e3f4a5b";  // 1,000 devices
}

TEST_CASE("job devices come in pages of --page-size, following nextLink") {
  EmulatorProcess emulator({"--page-size", "7", "--manual-clock"});
  Json job = seed_payload("job-006-put-body.json");
  REQUIRE(emulator.request("PUT", api("jobs/job-006", "preview"), job).status == 200);
  auto first = emulator.request("GET", api("jobs/job-006/devices"));
  REQUIRE(first.body["value"].size() == 7);
  std::string link = first.body["nextLink"].get<std::string>();
  CHECK(link.rfind(emulator.base_url() + "/api/jobs/job-006/devices?", 0) == 0);
  CHECK(link.find("api-version=2022-07-31") != std::string::npos);
  int pages = 0;
  Json all = collect_pages(emulator, api("jobs/job-006/devices"), &pages);
  CHECK(pages == 6);
  REQUIRE(all.size() == 40);
  CHECK(all[0]["id"] == "therm-01");
  CHECK(all[39]["id"] == "therm-40");
}

TEST_CASE("jobs are listed newest first, across pages, without repeats") {
  EmulatorProcess emulator({"--page-size", "2"});
  Json job = seed_payload("job-006-put-body.json");
  for (int i = 1; i <= 5; ++i) {
    REQUIRE(emulator.request("PUT", api("jobs/job-" + std::to_string(i), "preview"), job).status ==
            200);
  }
  int pages = 0;
  Json all = collect_pages(emulator, api("jobs", "preview"), &pages);
  CHECK(pages == 3);
  REQUIRE(all.size() == 5);
  CHECK(all[0]["id"] == "job-5");
  CHECK(all[4]["id"] == "job-1");
}

TEST_CASE("maxpagesize works on 2022-10-31-preview only, from 1 to 100") {
  EmulatorProcess emulator;
  const std::string path = std::string("deviceGroups/") + kFleet + "/devices";
  auto r = emulator.request("GET", api(path + "?maxpagesize=30", "2022-10-31-preview"));
  REQUIRE(r.status == 200);
  CHECK(r.body["value"].size() == 30);
  CHECK(r.body["nextLink"].get<std::string>().find("maxpagesize=30") != std::string::npos);
  int pages = 0;
  CHECK(collect_pages(emulator, api(path + "?maxpagesize=100", "2022-10-31-preview"), &pages)
            .size() == 1000);
  CHECK(pages == 10);
  for (const char* bad : {"0", "101", "x"}) {
    auto refused = emulator.request("GET", api(path + "?maxpagesize=" + bad, "2022-10-31-preview"));
    CHECK(refused.status == 400);
    CHECK(refused.body["error"]["code"] == "InvalidMaxPageSize");
  }
  // Other versions ignore it and use the server's page size (100).
  CHECK(emulator.request("GET", api(path + "?maxpagesize=30", "2022-07-31")).body["value"].size() ==
        100);
}

TEST_CASE("device groups list in pages and show the spec's members") {
  EmulatorProcess emulator({"--page-size", "2"});
  Json groups = collect_pages(emulator, api("deviceGroups"));
  REQUIRE(groups.size() == 5);
  CHECK(groups[0]["id"] == kThermostatsGroup);
  CHECK(groups[0]["displayName"] == "Thermostats");
  CHECK(groups[0]["filter"].is_string());
  Json preview = collect_pages(emulator, api("deviceGroups", "preview"));
  CHECK_FALSE(preview[0].contains("filter"));
  auto one = emulator.request("GET", api(std::string("deviceGroups/") + kSensorsGroup));
  CHECK(one.body["displayName"] == "Environmental sensors");
  CHECK(emulator.request("GET", api("deviceGroups/nope")).status == 404);
}

TEST_CASE("a bad $skiptoken is a bad request") {
  EmulatorProcess emulator;
  CHECK(emulator.request("GET", api("jobs?$skiptoken=abc")).status == 400);
}

TEST_CASE("the public URL option sets the base of nextLink") {
  EmulatorProcess emulator({"--page-size", "1", "--public-url", "https://proxy.example:9443"});
  auto r = emulator.request("GET", api("deviceGroups"));
  CHECK(r.body["nextLink"].get<std::string>().rfind("https://proxy.example:9443/api/deviceGroups?",
                                                    0) == 0);
}
