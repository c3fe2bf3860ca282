// The job engine's rules, on an in-memory store and a manual clock.
#include "emulator/engine.hpp"

#include <catch2/catch.hpp>

#include "emulator/seed.hpp"
#include "model/validation.hpp"
#include "status_strings.hpp"

using namespace iotc::emulator;
using iotc::model::ApiVersion;
using iotc::model::JobStatus;

namespace {

constexpr TimeMs kStart = 1'700'000'000'000;
constexpr TimeMs kDevice = 1000;  // --device-time
constexpr TimeMs kSlow = 10000;   // --slow-time

// A group "g" of `count` devices d-01.., with the given behaviors.
struct Fixture {
  explicit Fixture(int count, Json behaviors = Json::object(), int max_running = kMaxRunningJobs)
      : store(""), clock(kStart), engine(store, clock, {kDevice, kSlow, max_running}) {
    Json seed = {{"groups",
                  {{{"id", "g"},
                    {"displayName", "G"},
                    {"devices", {{{"count", count}, {"prefix", "d-"}, {"digits", 2}}}}}}},
                 {"behaviors", behaviors}};
    load_seed(store, seed);
  }

  JobRecord create(const std::string& id, Json extra = Json::object()) {
    Json payload = {
        {"group", "g"},
        {"data", {{{"type", "property"}, {"target", "t"}, {"path", "p"}, {"value", 1}}}}};
    payload.update(extra);
    iotc::model::Job job;
    auto problems = iotc::model::check_job_payload(payload, ApiVersion::v2022_07_31, &job);
    REQUIRE(problems.empty());
    return engine.create(id, payload, job, *store.group("g"));
  }

  JobRecord at(const std::string& id, TimeMs elapsed) {
    clock.advance(kStart + elapsed - clock.now());
    engine.advance();
    return *store.job(id);
  }

  std::string device_status(const std::string& job, int idx) {
    return std::string(
        to_string(store.job_devices_after(store.job(job)->seq, idx - 1, 1).at(0).status));
  }

  Store store;
  ManualClock clock;
  Engine engine;
};

}  // namespace

TEST_CASE("batch sizes: a number as given, a percentage rounded up, at least 1") {
  using iotc::model::Batch;
  using iotc::model::Measure;
  CHECK(batch_size_for(std::nullopt, 40) == 40);
  CHECK(batch_size_for(std::nullopt, 0) == 1);
  CHECK(batch_size_for(Batch{Measure::number, {}, 3, {}}, 40) == 3);
  CHECK(batch_size_for(Batch{Measure::percentage, {}, 25, {}}, 40) == 10);
  CHECK(batch_size_for(Batch{Measure::percentage, {}, 25, {}}, 10) == 3);
  CHECK(batch_size_for(Batch{Measure::percentage, {}, 1, {}}, 10) == 1);
  CHECK(batch_size_for(Batch{Measure::percentage, {}, 0.5, {}}, 200000) == 1000);
}

TEST_CASE("a job starts pending, then runs its batches in sequence") {
  Fixture f(10);
  auto job = f.create("j", {{"batch", {{"type", "number"}, {"value", 4}}}});
  CHECK(job.status == JobStatus::pending);
  CHECK(job.total == 10);
  CHECK(job.batch_count == 3);

  auto now = f.at("j", 0);
  CHECK(now.status == JobStatus::running);
  CHECK(now.started_at == kStart);
  CHECK(now.pending == 10);

  now = f.at("j", kDevice);
  CHECK(now.completed == 4);
  CHECK(f.device_status("j", 3) == "completed");
  CHECK(f.device_status("j", 4) == "pending");

  now = f.at("j", 2 * kDevice);
  CHECK(now.completed == 8);
  now = f.at("j", 3 * kDevice);
  CHECK(now.status == JobStatus::complete);
  CHECK(now.completed == 10);
  CHECK(now.pending == 0);
  CHECK(now.ended_at == kStart + 3 * kDevice);
}

TEST_CASE("failed devices fail, the job still ends complete") {
  Fixture f(4, {{"d-02", "fails"}});
  f.create("j");
  auto job = f.at("j", kDevice);
  CHECK(job.status == JobStatus::complete);
  CHECK(job.failed == 1);
  CHECK(job.completed == 3);
  CHECK(f.device_status("j", 1) == "failed");
}

TEST_CASE("a job where every device fails still ends complete: every batch ran") {
  Fixture f(2, {{"d-01", "fails"}, {"d-02", "fails"}});
  f.create("j");
  auto job = f.at("j", kDevice);
  CHECK(job.status == JobStatus::complete);
  CHECK(job.failed == 2);
  CHECK(job.completed == 0);
  CHECK(job.ended_at == kStart + kDevice);
}

TEST_CASE("the whole-job threshold cancels once failures exceed it, leaving the rest pending") {
  Fixture f(10, {{"d-01", "fails"}, {"d-02", "fails"}, {"d-03", "fails"}});
  f.create("j", {{"batch", {{"type", "number"}, {"value", 5}}},
                 {"cancellationThreshold", {{"type", "number"}, {"value", 2}}}});
  auto job = f.at("j", 10 * kDevice);
  CHECK(job.status == JobStatus::cancelled);
  CHECK(job.failed == 3);
  CHECK(job.completed == 2);
  CHECK(job.pending == 5);
  CHECK(job.ended_at == kStart + kDevice);
}

TEST_CASE("failures equal to the threshold do not cancel") {
  Fixture f(10, {{"d-01", "fails"}});
  f.create("j", {{"cancellationThreshold", {{"type", "percentage"}, {"value", 10}}}});
  CHECK(f.at("j", kDevice).status == JobStatus::complete);
}

TEST_CASE("a per-batch threshold counts each batch on its own") {
  // 2 failures in batch 1 of 4 devices = 50% > 40%; a whole-job 40% would not cancel (2/12).
  Fixture f(12, {{"d-05", "fails"}, {"d-06", "fails"}});
  Json batch = {{"type", "number"}, {"value", 4}};
  f.create("per-batch",
           {{"batch", batch},
            {"cancellationThreshold", {{"type", "percentage"}, {"value", 40}, {"batch", true}}}});
  f.create("whole",
           {{"batch", batch}, {"cancellationThreshold", {{"type", "percentage"}, {"value", 40}}}});
  auto per_batch = f.at("per-batch", 10 * kDevice);
  CHECK(per_batch.status == JobStatus::cancelled);
  CHECK(per_batch.completed == 6);
  CHECK(per_batch.pending == 4);
  CHECK(f.at("whole", 10 * kDevice).status == JobStatus::complete);
}

TEST_CASE("stop leaves devices pending, resume continues the job") {
  Fixture f(6);
  f.create("j", {{"batch", {{"type", "number"}, {"value", 2}}}});
  auto job = f.at("j", kDevice);
  CHECK(job.completed == 2);
  REQUIRE(f.engine.stop(job));
  CHECK(job.status == JobStatus::stopped);
  job = f.at("j", 100 * kDevice);
  CHECK(job.status == JobStatus::stopped);
  CHECK(job.pending == 4);
  REQUIRE(f.engine.resume(job));
  job = f.at("j", 100 * kDevice);
  CHECK(job.status == JobStatus::running);
  CHECK_FALSE(job.ended_at);
  job = f.at("j", 102 * kDevice);
  CHECK(job.status == JobStatus::complete);
  CHECK(job.completed == 6);
}

TEST_CASE("a finished job can be neither stopped nor resumed") {
  Fixture f(1);
  f.create("j");
  auto job = f.at("j", kDevice);
  REQUIRE(job.status == JobStatus::complete);
  CHECK_FALSE(f.engine.stop(job));
  CHECK_FALSE(f.engine.resume(job));
}

TEST_CASE("at most 5 jobs run at once, the next starts when one ends") {
  Fixture f(1);
  for (int i = 0; i < 7; ++i) {
    f.create("j" + std::to_string(i));
    f.clock.advance(1);  // creation order = queue order
  }
  f.engine.advance();
  CHECK(f.store.jobs_with_status(JobStatus::running).size() == 5);
  CHECK(f.store.jobs_with_status(JobStatus::pending).size() == 2);
  auto sixth = f.at("j5", kDevice + 10);
  CHECK(sixth.status == JobStatus::running);
  CHECK(sixth.started_at == kStart + kDevice);  // when j0 ended, not when we looked
  CHECK(f.at("j6", 3 * kDevice).status == JobStatus::complete);
}

TEST_CASE("a slow device holds its batch for the slow time") {
  Fixture f(4, {{"d-01", "slow"}});
  f.create("j", {{"batch", {{"type", "number"}, {"value", 2}}}});
  auto job = f.at("j", kDevice);
  CHECK(job.completed == 1);
  CHECK(job.current_batch == 0);
  job = f.at("j", kSlow);
  CHECK(job.completed == 2);
  CHECK(job.current_batch == 1);
  CHECK(f.at("j", kSlow + kDevice).status == JobStatus::complete);
}

TEST_CASE("an offline device stays pending and does not hold the job") {
  Fixture f(3, {{"d-02", "offline"}});
  f.create("j");
  auto job = f.at("j", kDevice);
  CHECK(job.status == JobStatus::complete);
  CHECK(job.completed == 2);
  CHECK(job.pending == 1);
  CHECK(f.device_status("j", 1) == "pending");
}

TEST_CASE("a behavior changed while a job runs applies to its unsettled devices") {
  Fixture f(2);
  f.create("j", {{"batch", {{"type", "number"}, {"value", 1}}}});
  f.at("j", kDevice);
  f.store.set_behavior("d-02", Behavior::fails);
  auto job = f.at("j", 2 * kDevice);
  CHECK(job.completed == 1);
  CHECK(job.failed == 1);
}

TEST_CASE("a rerun runs the failed devices only") {
  Fixture f(5, {{"d-02", "fails"}, {"d-04", "fails"}});
  f.create("j");
  auto source = f.at("j", kDevice);
  REQUIRE(source.failed == 2);
  f.store.set_behavior("d-02", Behavior::succeeds);
  auto rerun = f.engine.rerun("r", source);
  CHECK(rerun.status == JobStatus::pending);
  CHECK(rerun.total == 2);
  CHECK(rerun.rerun_of == "j");
  auto done = f.at("r", 2 * kDevice);
  CHECK(done.status == JobStatus::complete);
  CHECK(done.completed == 1);
  CHECK(done.failed == 1);
  auto devices = f.store.job_devices_after(done.seq, -1, 10);
  REQUIRE(devices.size() == 2);
  CHECK(devices[0].device_id == "d-02");
  CHECK(devices[1].device_id == "d-04");
}

TEST_CASE("an empty group gives a job that completes at once") {
  Fixture f(0);
  f.create("j");
  auto job = f.at("j", 0);
  CHECK(job.status == JobStatus::complete);
  CHECK(job.total == 0);
}
