// The bad-input matrix: malformed or invalid job files and option combinations. Every row must
// exit 2 with nothing on stdout and a message that names the field (a JSON path for a job file,
// the option for a flag) and the problem, and nothing may reach the service: the emulator's
// request log stays empty, the device-group lookup of a group given by name included.

#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "bad_input_rows.hpp"
#include "cli.hpp"

using namespace iotc::testing;
using iotc::model::Json;

using namespace iotc::testing::bad_input;

namespace {

void clear_log(const EmulatorProcess& emulator) {
  REQUIRE(emulator.request("DELETE", "/_emulator/requests").status == 204);
}

Json logged_requests(const EmulatorProcess& emulator) {
  const auto log = emulator.request("GET", "/_emulator/requests");
  REQUIRE(log.status == 200);
  return log.body.at("value");
}

}  // namespace

TEST_CASE("bad input exits 2 before anything is sent, naming the field and the problem",
          "[e2e][bad-input]") {
  EmulatorProcess emulator;
  Cli cli(emulator);
  TempDir dir;
  const std::string job_file = dir.file("job.json");

  // The control: the base job is valid as it is, and the log sees what a create sends (the
  // check that its id is new, the group lookup by name, then the PUT). Every row below changes one thing of it.
  write_file(job_file, base_job().dump());
  clear_log(emulator);
  const auto control = cli.run({"create", "bad-input-control", "--file", job_file});
  REQUIRE(control.exit_code == 0);
  const Json sent = logged_requests(emulator);
  REQUIRE(sent.size() >= 3);
  CHECK(has(sent.at(0).at("path").get<std::string>(), "/jobs/bad-input-control"));
  CHECK(has(sent.at(1).at("path").get<std::string>(), "/deviceGroups"));
  CHECK(sent.back().at("method").get<std::string>() == "PUT");

  std::vector<Row> rows = job_file_rows();
  for (Row& row : command_line_rows()) rows.push_back(std::move(row));
  for (Row& row : strict_input_rows()) rows.push_back(std::move(row));
  CHECK(rows.size() >= 60);
  std::map<std::string, int> per_category;
  for (const Row& row : rows) {
    ++per_category[row.category];
    std::vector<std::string> args = row.args;
    if (row.file) {
      write_file(job_file, *row.file);
      for (auto& arg : args) {
        if (arg == kFile) arg = job_file;
      }
    }
    Env env = row.env;
    if (row.config) {
      std::filesystem::create_directories(dir.file("config/iotc-jobs"));
      write_file(dir.file("config/iotc-jobs/config.json"), *row.config);
      env["XDG_CONFIG_HOME"] = dir.file("config");
    }
    clear_log(emulator);
    const ProcessResult result = cli.run(args, env, row.stdin_data);
    const Json requests = logged_requests(emulator);

    INFO(row.category << ": " << row.what);
    INFO("stderr: " << result.err.substr(0, 2000));
    CHECK(result.exit_code == 2);
    CHECK(result.out.empty());
    CHECK(has(result.err, "iotc-jobs: error: "));
    for (const std::string& expected : row.expected) CHECK(has(result.err, expected));
    for (const char* crash :
         {"terminate called", "what():", "Aborted", "Segmentation", "#0 ", "[json.exception"}) {
      CHECK_FALSE(has(result.err, crash));
    }
    INFO("requests: " << requests.dump());
    CHECK(requests.empty());
  }
  for (const auto& [category, count] : per_category) {
    INFO(category);
    CHECK(count >= 4);
  }
}
