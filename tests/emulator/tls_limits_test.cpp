// TLS, and the service's limits: 200,000 devices and 500 groups load and run.
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdio>
#include <thread>

#include "e2e_helpers.hpp"

using namespace iotc::testing;

TEST_CASE("TLS with --tls-cert and --tls-key") {
  TempDir dir;
  auto made = run_process({"openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout",
                           dir.file("key.pem"), "-out", dir.file("cert.pem"), "-days", "1", "-subj",
                           "/CN=127.0.0.1"});
  REQUIRE(made.exit_code == 0);
  EmulatorProcess emulator(
      {"--tls-cert", dir.file("cert.pem"), "--tls-key", dir.file("key.pem"), "--page-size", "1"});
  CHECK(emulator.base_url().rfind("https://127.0.0.1:", 0) == 0);
  auto r = emulator.request("GET", api("deviceGroups"));
  CHECK(r.status == 200);
  CHECK(r.body["nextLink"].get<std::string>().rfind("https://", 0) == 0);
  auto missing = run_process({emulator_binary(), "--listen", "127.0.0.1:0", "--tls-cert",
                              dir.file("none.pem"), "--tls-key", dir.file("key.pem")});
  CHECK(missing.exit_code == 1);
  CHECK(missing.err.find("TLS") != std::string::npos);
}

TEST_CASE("200,000 devices in 500 groups load, and a job over 100,000 devices runs") {
  TempDir dir;
  // One group of 100,000 devices (one in a thousand fails), 499 groups of 200 among the rest.
  Json groups = Json::array();
  groups.push_back({{"id", "big"},
                    {"displayName", "Big"},
                    {"devices", {{{"count", 100000}, {"prefix", "big-"}, {"failEvery", 1000}}}}});
  for (int g = 0; g < 499; ++g) {
    groups.push_back(
        {{"id", "group-" + std::to_string(g)},
         {"displayName", "Group " + std::to_string(g)},
         {"devices",
          {{{"count", 200}, {"prefix", "small-" + std::to_string(g) + "-"}, {"digits", 3}}}}});
  }
  write_file(dir.file("seed.json"), Json{{"groups", groups}}.dump());

  auto started = std::chrono::steady_clock::now();
  EmulatorProcess emulator({"--seed", dir.file("seed.json"), "--time-scale", "10000"});
  auto loaded = std::chrono::steady_clock::now();
  CHECK(collect_pages(emulator, api("deviceGroups?maxpagesize=100", "2022-10-31-preview")).size() ==
        500);

  Json job = {{"group", "big"},
              {"batch", {{"type", "percentage"}, {"value", 1}}},
              {"data", {{{"type", "command"}, {"target", "t"}, {"path", "reboot"}}}}};
  REQUIRE(emulator.request("PUT", api("jobs/big-job"), job).status == 200);
  Json shown;
  for (int i = 0; i < 600; ++i) {
    shown = emulator.request("GET", api("jobs/big-job")).body;
    if (shown["status"] != "pending" && shown["status"] != "running") break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  auto finished = std::chrono::steady_clock::now();
  CHECK(shown["status"] == "complete");
  CHECK(shown["progress"] ==
        Json{{"total", 100000}, {"pending", 0}, {"completed", 99900}, {"failed", 100}});
  auto ms = [](auto d) { return std::chrono::duration_cast<std::chrono::milliseconds>(d).count(); };
  std::printf(
      "limits: loaded 200,000 devices / 500 groups in %lld ms; 100,000-device job in %lld ms\n",
      static_cast<long long>(ms(loaded - started)), static_cast<long long>(ms(finished - loaded)));
  auto page = emulator.request("GET", api("jobs/big-job/devices"));
  CHECK(page.body["value"].size() == 100);
}
