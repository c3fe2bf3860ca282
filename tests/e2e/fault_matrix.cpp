#include "fault_matrix.hpp"

#include <catch2/catch.hpp>

namespace iotc::testing::faults {
namespace {

// The emulated service for the whole matrix: time stands still (jobs stay where a row put
// them until it moves the clock), and no job waits for one of the 5 running slots.
const std::vector<std::string> kMatrixEmulator{"--manual-clock", "--max-running", "1000"};

void check_job(const Json& out, const std::string& id) {
  CHECK(out.value("id", std::string()) == id);
}

// A job on Lab thermostats (10 devices, all succeed) that has finished.
void finished_lab_job(const EmulatorProcess& emulator, const std::string& id) {
  put_job(emulator, id, kLabGroup);
  advance_clock(emulator, "1m");
}

}  // namespace

std::vector<Command> commands() {
  const auto nothing = [](const EmulatorProcess&, const std::string&) {};
  const auto running = [](const EmulatorProcess& emulator, const std::string& id) {
    put_job(emulator, id, kLabGroup);
  };
  return {
      {"list", running, [](const std::string&) { return std::vector<std::string>{"list"}; },
       [](const std::string&) {
         return Call{"GET", "/api/jobs"};
       },
       [](const Json& out, const std::string& id) {
         REQUIRE(out.is_array());
         CHECK(out.at(0).value("id", std::string()) == id);  // newest first
       }},
      {"show", running,
       [](const std::string& id) {
         return std::vector<std::string>{"show", id};
       },
       [](const std::string& id) {
         return Call{"GET", "/api/jobs/" + id};
       },
       check_job},
      {"devices", running,
       [](const std::string& id) {
         return std::vector<std::string>{"devices", id};
       },
       [](const std::string& id) {
         return Call{"GET", "/api/jobs/" + id + "/devices"};
       },
       [](const Json& out, const std::string&) {
         REQUIRE(out.is_array());
         CHECK(out.size() == 10);
       }},
      {"create", nothing,
       [](const std::string& id) {
         return std::vector<std::string>{"create",   id,
                                         "--group",  kLabGroup,
                                         "--target", kThermostatTemplate,
                                         "--set",    "targetTemperature=56"};
       },
       [](const std::string& id) {
         return Call{"PUT", "/api/jobs/" + id};
       },
       check_job},
      {"stop", running,
       [](const std::string& id) {
         return std::vector<std::string>{"stop", id};
       },
       [](const std::string& id) {
         return Call{"POST", "/api/jobs/" + id + "/stop"};
       },
       [](const Json& out, const std::string& id) {
         check_job(out, id);
         CHECK(out.value("status", std::string()) == "stopped");
       }},
      {"resume",
       [](const EmulatorProcess& emulator, const std::string& id) {
         put_job(emulator, id, kLabGroup);
         const auto stopped =
             emulator.request("POST", "/api/jobs/" + id + "/stop?api-version=2022-07-31");
         REQUIRE(stopped.status == 204);
       },
       [](const std::string& id) {
         return std::vector<std::string>{"resume", id};
       },
       [](const std::string& id) {
         return Call{"POST", "/api/jobs/" + id + "/resume"};
       },
       [](const Json& out, const std::string& id) {
         check_job(out, id);
         CHECK(out.value("status", std::string()) != "stopped");
       }},
      {"rerun",
       [](const EmulatorProcess& emulator, const std::string& id) {
         // Thermostats: 3 of its 40 devices fail, so the finished job can be rerun.
         put_job(emulator, id, kThermostatsGroup);
         advance_clock(emulator, "1m");
       },
       [](const std::string& id) {
         return std::vector<std::string>{"rerun", id, id + "-rerun"};
       },
       [](const std::string& id) {
         return Call{"PUT", "/api/jobs/" + id + "/rerun/" + id + "-rerun"};
       },
       [](const Json& out, const std::string& id) { check_job(out, id + "-rerun"); }},
      {"wait", finished_lab_job,
       [](const std::string& id) {
         return std::vector<std::string>{"wait", id, "--interval", "100ms"};
       },
       [](const std::string& id) {
         return Call{"GET", "/api/jobs/" + id};
       },
       [](const Json& out, const std::string& id) {
         check_job(out, id);
         CHECK(out.value("status", std::string()) == "complete");
       }},
  };
}

Matrix::Matrix() : emulator_(kMatrixEmulator), cli_(emulator_) {}

Observed Matrix::run(const Command& command, const Fault& fault,
                     const std::vector<std::string>& flags) {
  const std::string id = "fm-" + std::to_string(++rows_) + "-" + command.name;
  command.prepare(emulator_, id);
  REQUIRE(emulator_.request("DELETE", "/_emulator/faults").status == 204);
  REQUIRE(emulator_.request("DELETE", "/_emulator/requests").status == 204);
  const Call call = command.call(id);
  Json body{
      {"kind", fault.kind}, {"method", call.method}, {"path", call.path}, {"count", fault.count}};
  if (fault.kind == "429") body["retryAfter"] = fault.retry_after;
  if (fault.kind == "slow") body["delayMs"] = fault.delay_ms;
  const auto added = emulator_.request("POST", "/_emulator/faults", body);
  INFO(added.text);
  REQUIRE(added.status == 201);

  std::vector<std::string> argv = command.argv(id);
  argv.insert(argv.end(), {"-o", "json"});
  argv.insert(argv.end(), flags.begin(), flags.end());
  Observed observed;
  observed.id = id;
  const auto start = Clock::now();
  observed.result = cli_.run(argv);
  observed.took = Clock::now() - start;

  const auto log = emulator_.request("GET", "/_emulator/requests");
  REQUIRE(log.status == 200);
  for (const auto& entry : log.body.at("value")) {
    if (entry.value("method", std::string()) == call.method &&
        entry.value("path", std::string()) == call.path) {
      observed.attempts.push_back(entry);
      if (entry.contains("fault")) ++observed.faulted;
    }
  }
  REQUIRE(emulator_.request("DELETE", "/_emulator/faults").status == 204);
  return observed;
}

std::string describe(const Command& command, const Fault& fault, const Observed& observed) {
  std::string text =
      command.name + " with " + std::to_string(fault.count) + " x " + fault.kind + ": exit " +
      std::to_string(observed.result.exit_code) + ", " + std::to_string(observed.attempts.size()) +
      " attempts\nstdout: " + observed.result.out + "\nstderr: " + observed.result.err;
  return text;
}

void expect_recovered(const Command& command, const Fault& fault, const Observed& observed) {
  INFO(describe(command, fault, observed));
  CHECK(observed.result.exit_code == 0);
  CHECK(observed.faulted == fault.count);
  CHECK(observed.attempts.size() == static_cast<std::size_t>(fault.count) + 1);
  if (!observed.attempts.empty()) {
    CHECK(observed.attempts.back().value("status", 0) / 100 == 2);
    CHECK_FALSE(observed.attempts.back().contains("fault"));
  }
  if (observed.result.exit_code == 0) command.check(Json::parse(observed.result.out), observed.id);
}

void expect_clean_error(const Observed& observed, const std::string& names) {
  const auto& err = observed.result.err;
  CHECK(err.rfind("iotc-jobs: error: ", 0) == 0);
  CHECK(lines_of(err).size() == 1);
  CHECK(has(err, names));
  CHECK_FALSE(has(err, "test-signature"));
  CHECK_FALSE(has(err, "{\""));
  CHECK_FALSE(has(err, "terminate"));
  CHECK(observed.result.out.empty());
}

}  // namespace iotc::testing::faults
