// The emulator under load from hostile clients (issue 12, items 15 and 19): slow and idle
// connections cannot starve real requests, and a gzip bomb does not grow the process.
#include <sys/resource.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <fstream>
#include <memory>
#include <thread>
#include <vector>

#include "e2e_helpers.hpp"
#include "raw_http.hpp"
#include "sanitizer.hpp"
#include "scripted_server.hpp"

using namespace iotc::testing;
using namespace std::chrono_literals;

namespace {

// The connections the test holds, plus the test's own files: the common soft limit of 1,024
// would not do.
void raise_open_file_limit(rlim_t wanted) {
  rlimit limit{};
  getrlimit(RLIMIT_NOFILE, &limit);
  if (limit.rlim_cur >= wanted) return;
  limit.rlim_cur =
      limit.rlim_max == RLIM_INFINITY || limit.rlim_max > wanted ? wanted : limit.rlim_max;
  setrlimit(RLIMIT_NOFILE, &limit);
}

// Peak resident memory of a live process, in KiB (VmHWM in /proc/<pid>/status).
long peak_rss_kib(int pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
  }
  return -1;
}

}  // namespace

TEST_CASE("hostile: 64 header drips and 1,000 idle connections do not delay real requests",
          "[hostile][load]") {
  if (kUnderAsan) {
    // What this measures is latency under a thousand threads on a shared 2-core machine; under
    // ASan each of those threads carries the sanitizer's stacks and the timings measure it, not
    // the emulator. The normal build runs it on every test run.
    WARN("skipped under AddressSanitizer: a latency measurement, run by the normal build");
    return;
  }
  raise_open_file_limit(4096);
  EmulatorProcess emulator;
  std::vector<std::unique_ptr<RawConnection>> idle;
  for (int i = 0; i < 1000; ++i) {
    idle.push_back(std::make_unique<RawConnection>(emulator.base_url()));
  }
  std::vector<std::unique_ptr<RawConnection>> drips;
  for (int i = 0; i < 64; ++i) {
    drips.push_back(std::make_unique<RawConnection>(emulator.base_url()));
  }
  std::atomic<bool> stop{false};
  std::thread dripper([&] {
    const std::string request = "GET " + api("jobs") + " HTTP/1.1\r\nHost: x\r\nX-Slow: ";
    for (std::size_t i = 0; !stop; ++i) {
      for (auto& drip : drips) drip->send(std::string(1, request[std::min(i, request.size() - 1)]));
      for (int tick = 0; tick < 10 && !stop; ++tick) std::this_thread::sleep_for(100ms);
    }
  });
  std::this_thread::sleep_for(1s);  // every hostile connection is accepted and waiting
  auto worst = 0ms;
  int answered = 0;
  auto started = std::chrono::steady_clock::now();
  for (int i = 0; i < 20; ++i) {
    auto before = std::chrono::steady_clock::now();
    auto r = emulator.request("GET", api("jobs"));
    auto took = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now() - before);
    worst = std::max(worst, took);
    if (r.status == 200 && took < 10s) ++answered;
    std::this_thread::sleep_for(200ms);
  }
  stop = true;
  dripper.join();
  INFO("slowest real request: " << worst.count() << " ms over "
                                << std::chrono::duration_cast<std::chrono::milliseconds>(
                                       std::chrono::steady_clock::now() - started)
                                       .count()
                                << " ms");
  CHECK(answered == 20);
  CHECK(worst < 10s);
}

TEST_CASE("hostile: a 3 MiB gzip bomb stops at the decoded cap and does not grow the emulator",
          "[hostile][memory]") {
  if (kUnderAsan) {
    WARN(
        "skipped under AddressSanitizer: its shadow memory and quarantine make the emulator's "
        "peak RSS no measure of what a request made it hold");
    return;
  }
  EmulatorProcess emulator;
  REQUIRE(emulator.request("GET", api("jobs")).status == 200);
  long before = peak_rss_kib(emulator.pid());
  REQUIRE(before > 0);
  std::string bomb = gzip_bomb(std::size_t{3} << 20);
  RawConnection connection(emulator.base_url());
  REQUIRE(connection.connected());
  connection.send("PUT " + api("jobs/bomb") +
                  " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + kTestToken +
                  "\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\n"
                  "Content-Length: " +
                  std::to_string(bomb.size()) + "\r\n\r\n");
  bool all_sent = connection.send(bomb);  // the emulator may close before the end: no matter
  std::string answer = connection.receive(10s);
  INFO("all sent: " << all_sent << "; answer: " << answer.substr(0, 400));
  long after = peak_rss_kib(emulator.pid());
  INFO("peak RSS " << before << " KiB -> " << after << " KiB");
  CHECK(status_of(answer) == 413);
  CHECK(body_of(answer).find("PayloadTooLarge") != std::string::npos);
  // The 4 MiB cap, the 3 MiB sent, and httplib's buffers: far below the 3 GiB it decodes to.
  CHECK(after - before < 64 * 1024);
  CHECK(emulator.request("GET", api("jobs")).status == 200);
}
