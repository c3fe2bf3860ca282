// Crash safety of --state: kill -9 the emulator while it writes and while jobs run, restart it
// on the same state file, and check that nothing acknowledged is lost, that no job is torn, and
// that the job engine carries on. The kill delays come from a fixed RNG seed (printed).
#include <atomic>
#include <catch2/catch.hpp>
#include <cstdio>
#include <map>
#include <random>
#include <thread>

#include "crash_support.hpp"
#include "e2e_helpers.hpp"

using namespace iotc::testing;

namespace {

constexpr unsigned kRngSeed = 20261127;
constexpr int kWriteRounds = 10;
constexpr int kRunRounds = 6;
constexpr int kMinKillMs = 50;
constexpr int kMaxKillMs = 500;
constexpr const char* kVersion = "2022-10-31-preview";

void require_sound(const std::string& path) {
  auto check = check_state(path);
  INFO("state file " << path << ": " << check.jobs << " jobs");
  REQUIRE(check.integrity == "ok");
  CHECK(check.torn_jobs == std::vector<std::string>{});
}

// A job as acknowledged, without what the engine changes.
Json stable_part(Json job) {
  for (const char* key : {"status", "progress", "start", "end"}) job.erase(key);
  return job;
}

std::map<std::string, Json> jobs_by_id(const EmulatorProcess& emulator) {
  std::map<std::string, Json> jobs;
  for (auto& job : collect_pages(emulator, api("jobs", kVersion))) {
    jobs[job["id"].get<std::string>()] = job;
  }
  return jobs;
}

Json job_payload(const std::string& group, const std::string& name, int batch) {
  Json payload = {{"displayName", name},
                  {"group", group},
                  {"batch", {{"type", "number"}, {"value", batch}}},
                  {"data",
                   {{{"type", "PropertyJobData"},
                     {"target", "dtmi:crash:thermostat;1"},
                     {"path", "targetTemperature"},
                     {"value", name}}}}};
  return payload;
}

int kill_delay_ms(std::mt19937& rng) {
  return std::uniform_int_distribution<int>(kMinKillMs, kMaxKillMs)(rng);
}

}  // namespace

TEST_CASE("kill -9 while writing loses no acknowledged write and tears no job", "[crash]") {
  TempDir dir;
  write_file(dir.file("seed.json"), R"({"groups": [{"id": "writes", "displayName": "Writes",
    "devices": [{"count": 300, "prefix": "w-", "digits": 4, "failEvery": 9, "slowEvery": 31}]}]})");
  const std::string state = dir.file("state.db");
  EmulatorProcess emulator({"--state", state, "--seed", dir.file("seed.json"), "--time-scale", "50",
                            "--max-running",
                            "100"});  // every job runs at once: stopped jobs have failures to rerun
  std::mt19937 rng(kRngSeed);
  INFO("RNG seed " << kRngSeed);
  std::map<std::string, Json> acknowledged;  // job id -> the 200 body of its PUT
  std::map<std::string, bool> stopped;       // job id -> last acknowledged: stop (true) / resume
  for (int round = 0; round < kWriteRounds; ++round) {
    std::atomic<bool> dead{false};
    std::map<std::string, Json> round_acks;
    std::map<std::string, bool> round_stops;
    std::vector<std::string> unexpected;
    int reruns = 0;
    std::thread writer([&, url = emulator.base_url()] {
      Client client(url);
      for (int i = 0; !dead; ++i) {
        std::string id = "r" + std::to_string(round) + "-" + std::to_string(i);
        auto [status, body] =
            client.send("PUT", api("jobs/" + id, kVersion), job_payload("writes", id, 60));
        if (status == 0) break;
        if (status != 200) unexpected.push_back("PUT " + id + ": " + std::to_string(status));
        if (status == 200) round_acks[id] = body;
        if (i % 3 != 2) continue;
        // Stop the job made two steps ago, then resume the one stopped before it. One whose
        // stop or resume got no answer may be either way: it leaves the record.
        std::string target = "r" + std::to_string(round) + "-" + std::to_string(i - 2);
        int stop = client.send("POST", api("jobs/" + target + "/stop", kVersion)).first;
        if (stop == 0) {
          round_stops.erase(target);
          break;
        }
        if (stop == 204) {
          round_stops[target] = true;
          // A stopped job with failed devices can be rerun (422 when none failed yet).
          std::string rerun = target + "-rerun";
          auto [rerun_status, rerun_body] =
              client.send("PUT", api("jobs/" + target + "/rerun/" + rerun, kVersion));
          if (rerun_status == 0) break;
          if (rerun_status == 200) {
            round_acks[rerun] = rerun_body;
            ++reruns;
          } else if (rerun_status != 422) {
            unexpected.push_back("rerun " + rerun + ": " + std::to_string(rerun_status));
          }
        }
        std::string earlier = "r" + std::to_string(round) + "-" + std::to_string(i - 5);
        if (!round_stops.count(earlier)) continue;
        int resume = client.send("POST", api("jobs/" + earlier + "/resume", kVersion)).first;
        if (resume == 0) {
          round_stops.erase(earlier);
          break;
        }
        if (resume == 204) round_stops[earlier] = false;
      }
    });
    int delay = kill_delay_ms(rng);
    std::this_thread::sleep_for(std::chrono::milliseconds(delay));
    emulator.kill9();
    dead = true;
    writer.join();
    INFO("round " << round << ": killed after " << delay << " ms, " << round_acks.size()
                  << " jobs acknowledged");
    std::printf(
        "crash: writes round %d: killed after %d ms, acknowledged: %zu jobs (%d reruns), "
        "%zu stops/resumes\n",
        round, delay, round_acks.size(), reruns, round_stops.size());
    CHECK(unexpected == std::vector<std::string>{});
    require_sound(state);
    acknowledged.insert(round_acks.begin(), round_acks.end());
    for (auto& [id, flag] : round_stops) stopped[id] = flag;

    emulator.restart();
    auto jobs = jobs_by_id(emulator);
    for (const auto& [id, ack] : acknowledged) {
      INFO("job " << id);
      REQUIRE(jobs.count(id) == 1);
      CHECK(stable_part(jobs[id]) == stable_part(ack));
    }
    for (const auto& [id, is_stopped] : stopped) {
      INFO("job " << id << " last acknowledged " << (is_stopped ? "stop" : "resume") << ", is "
                  << jobs[id]["status"]);
      CHECK((jobs[id]["status"] == "stopped") == is_stopped);
    }
  }
  INFO(acknowledged.size() << " jobs acknowledged over " << kWriteRounds << " rounds");
  CHECK(!acknowledged.empty());
}

namespace {

// The last progress a client was shown of one job.
struct Seen {
  std::string status;
  std::int64_t completed = 0, failed = 0;
  std::string start, end;
};

bool is_terminal(const std::string& status) {
  return status == "complete" || status == "failed" || status == "cancelled" || status == "stopped";
}

std::string text_of(const Json& job, const char* key) {
  return job.contains(key) ? job[key].get<std::string>() : std::string();
}

// Checks `job` against what a client saw of it before the crash; returns the problems.
std::vector<std::string> went_back(const Json& job, const Seen& seen) {
  std::vector<std::string> problems;
  const auto& progress = job["progress"];
  std::string status = job["status"].get<std::string>();
  if (progress["completed"].get<std::int64_t>() < seen.completed) problems.push_back("completed");
  if (progress["failed"].get<std::int64_t>() < seen.failed) problems.push_back("failed");
  if (is_terminal(seen.status) && status != seen.status) problems.push_back("status");
  if (seen.status == "running" && status == "pending") problems.push_back("running -> pending");
  if (!seen.start.empty() && text_of(job, "start") != seen.start) problems.push_back("start");
  if (!seen.end.empty() && text_of(job, "end") != seen.end) problems.push_back("end");
  auto total = progress["total"].get<std::int64_t>();
  if (progress["completed"].get<std::int64_t>() + progress["failed"].get<std::int64_t>() +
          progress["pending"].get<std::int64_t>() !=
      total) {
    problems.push_back("counts");
  }
  return problems;
}

}  // namespace

TEST_CASE("kill -9 while jobs run: no job goes back, and they finish after restart", "[crash]") {
  constexpr int kGroups = 5;
  TempDir dir;
  Json groups = Json::array();
  for (int g = 0; g < kGroups; ++g) {
    groups.push_back({{"id", "fleet-" + std::to_string(g)},
                      {"displayName", "Fleet " + std::to_string(g)},
                      {"devices",
                       {{{"count", 2000},
                         {"prefix", "f" + std::to_string(g) + "-"},
                         {"failEvery", 40},
                         {"slowEvery", 150},
                         {"offlineEvery", 700}}}}});
  }
  write_file(dir.file("seed.json"), Json{{"groups", groups}}.dump());
  const std::string state = dir.file("state.db");
  const std::vector<std::string> args = {"--state", state, "--seed", dir.file("seed.json")};
  auto scaled = args;
  scaled.insert(scaled.end(), {"--time-scale", "50"});
  EmulatorProcess emulator(scaled);

  // One job per group, one that waits for a free slot, one that a threshold cancels mid-run.
  std::vector<std::string> ids;
  for (int g = 0; g < kGroups; ++g) ids.push_back("run-" + std::to_string(g));
  ids.push_back("run-queued");
  ids.push_back("run-threshold");
  for (std::size_t i = 0; i < ids.size(); ++i) {
    Json payload = job_payload("fleet-" + std::to_string(i % kGroups), ids[i], 100);
    if (ids[i] == "run-threshold") {
      payload["cancellationThreshold"] = {{"type", "number"}, {"value", 30}, {"batch", false}};
    }
    REQUIRE(emulator.request("PUT", api("jobs/" + ids[i], kVersion), payload).status == 200);
  }

  std::mt19937 rng(kRngSeed + 1);
  INFO("RNG seed " << kRngSeed + 1);
  std::map<std::string, Seen> seen;
  std::string latest_time;  // the latest start or end a client was shown
  for (int round = 0; round < kRunRounds; ++round) {
    std::atomic<bool> dead{false};
    std::map<std::string, Seen> round_seen;
    int reads = 0;
    std::thread poller([&, url = emulator.base_url()] {
      Client client(url);
      for (std::size_t i = 0; !dead; ++i) {
        const auto& id = ids[i % ids.size()];
        auto [status, job] = client.send("GET", api("jobs/" + id, kVersion));
        if (status != 200) break;
        ++reads;
        round_seen[id] = {job["status"].get<std::string>(),
                          job["progress"]["completed"].get<std::int64_t>(),
                          job["progress"]["failed"].get<std::int64_t>(), text_of(job, "start"),
                          text_of(job, "end")};
      }
    });
    int delay = kill_delay_ms(rng);
    std::this_thread::sleep_for(std::chrono::milliseconds(delay));
    emulator.kill9();
    dead = true;
    poller.join();
    INFO("round " << round << ": killed after " << delay << " ms, " << reads << " reads");
    std::printf("crash: run round %d: killed after %d ms, %d progress reads acknowledged\n", round,
                delay, reads);
    for (auto& [id, s] : round_seen) {
      seen[id] = s;
      latest_time = std::max({latest_time, s.start, s.end});
    }
    require_sound(state);

    emulator.restart();
    // ISO 8601 times of one format compare as strings.
    CHECK(emulator.request("GET", "/_emulator/clock").body["now"].get<std::string>() >=
          latest_time);
    for (const auto& [id, s] : seen) {
      auto job = emulator.request("GET", api("jobs/" + id, kVersion)).body;
      INFO("job " << id << " was " << s.status << " " << s.completed << "/" << s.failed << ", is "
                  << job.dump());
      CHECK(went_back(job, s) == std::vector<std::string>{});
    }
  }
  std::int64_t finished_before = 0;
  for (const auto& [id, s] : seen) finished_before += is_terminal(s.status) ? 1 : 0;
  INFO(finished_before << " of " << ids.size() << " jobs had finished before the last restart");
  CHECK(finished_before < static_cast<std::int64_t>(ids.size()));  // the kills hit running jobs

  // The engine carries on: on a manual clock, an hour of emulated time finishes every job.
  emulator.kill9();
  auto manual = args;
  manual.push_back("--manual-clock");
  EmulatorProcess resumed(manual);
  advance_clock(resumed, "1h");
  for (const auto& id : ids) {
    auto job = resumed.request("GET", api("jobs/" + id, kVersion)).body;
    INFO("job " << id << ": " << job.dump());
    CHECK(is_terminal(job["status"].get<std::string>()));
    CHECK(went_back(job, seen[id]) == std::vector<std::string>{});
  }
  CHECK(resumed.request("GET", api("jobs/run-threshold", kVersion)).body["status"] == "cancelled");
  resumed.stop();
  require_sound(state);
}

TEST_CASE("kill -9 while seeding leaves a state that seeds whole on restart", "[crash]") {
  // Big enough that seeding takes several times the kill delay even on a fast idle machine
  // (100,000 devices once seeded in under 300 ms there, and the kill came too late).
  constexpr int kDevices = 1000000;
  constexpr auto kKillAfter = std::chrono::milliseconds(250);
  TempDir dir;
  write_file(dir.file("seed.json"),
             Json{{"groups",
                   {{{"id", "big"},
                     {"displayName", "Big"},
                     {"devices", {{{"count", kDevices}, {"prefix", "b-"}}}}}}}}
                 .dump());
  const std::vector<std::string> args = {"--state", dir.file("state.db"), "--seed",
                                         dir.file("seed.json")};
  // The seed loads in one transaction; SIGKILL lands while it runs.
  std::vector<std::string> argv = {emulator_binary(), "--listen", "127.0.0.1:0"};
  argv.insert(argv.end(), args.begin(), args.end());
  auto killed = run_process(argv, {}, {}, kKillAfter);
  REQUIRE(killed.exit_code == 137);
  INFO("stdout of the killed emulator: " << killed.out);
  CHECK(killed.out.empty());  // it was killed before it served
  CHECK(query_number(dir.file("state.db"), "SELECT count(*) FROM devices") <= 0);

  EmulatorProcess emulator(args);
  auto groups = emulator.request("GET", api("deviceGroups", kVersion)).body["value"];
  REQUIRE(groups.size() == 1);
  emulator.stop();
  CHECK(query_number(dir.file("state.db"), "SELECT count(*) FROM devices") == kDevices);
  CHECK(query_number(dir.file("state.db"), "SELECT count(*) FROM group_devices") == kDevices);
  require_sound(dir.file("state.db"));
}
