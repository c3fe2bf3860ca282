// The command table drives the parser: every command it lists is in --help and runs from a
// command line, the hidden one is not shown, and the messages that name commands take their
// names from it.

#include <catch2/catch.hpp>

#include "cli/commands.hpp"
#include "cli/suggest.hpp"
#include "job_fixtures.hpp"

using namespace iotc::testing;
using iotc::model::Json;

TEST_CASE("the --help lists the table's commands, in its order, and no hidden one", "[cli][table]") {
  CommandHarness h;
  const auto help = h.run_line({"--help"});
  CHECK(help.exit_code == 0);
  std::size_t previous = 0;
  for (const auto& spec : iotc::cli::command_table()) {
    // "  group, groups  ...": a command with an alias lists it after its name.
    std::string line = "\n  " + std::string(spec.name) + " ";
    if (!has(help.out, line)) line = "\n  " + std::string(spec.name) + ", ";
    INFO(spec.name);
    if (spec.visibility == iotc::cli::Visibility::hidden) {
      CHECK_FALSE(has(help.out, line));
      continue;
    }
    const auto at = help.out.find(line);
    REQUIRE(at != std::string::npos);
    CHECK(at > previous);
    CHECK(has(help.out.substr(at), std::string(spec.summary)));
    previous = at;
  }
}

TEST_CASE("every command of the table parses its --help", "[cli][table]") {
  for (const auto& name : iotc::cli::visible_command_names()) {
    CommandHarness h;
    const auto help = h.run_line({name, "--help"});
    INFO(name);
    CHECK(help.exit_code == 0);
    CHECK(has(help.out, "Usage: iotc-jobs " + name));
  }
}

TEST_CASE("a command line runs the command the table names", "[cli][table]") {
  CommandHarness h;
  h.http.on("GET", "/api/jobs/job-1").reply(200, job_json("job-1", "running"));
  const auto result = h.run_line({"show", "job-1", "-o", "json"});
  CHECK(result.exit_code == 0);
  CHECK(Json::parse(result.out)["id"] == "job-1");
}

TEST_CASE("a bare iotc-jobs prints the help on stdout and exits 0", "[cli][table]") {
  CommandHarness h;
  const auto result = h.run_line({});
  CHECK(result.exit_code == 0);
  CHECK(has(result.out, "Examples:\n  "));
  CHECK(has(result.out, "Exit status:\n  0    success"));
  CHECK(result.err.empty());
}

TEST_CASE("no command after options: the reminder names the table's primary commands",
          "[cli][table]") {
  CommandHarness h;
  const auto result = h.run_line({"-o", "json"});
  CHECK(result.exit_code == 2);
  std::string expected;
  std::vector<std::string_view> primary;
  for (const auto& spec : iotc::cli::command_table()) {
    if (spec.visibility == iotc::cli::Visibility::primary) primary.push_back(spec.name);
  }
  REQUIRE(primary.size() > 1);
  for (std::size_t i = 0; i + 1 < primary.size(); ++i) {
    expected += (i == 0 ? "" : ", ") + std::string(primary[i]);
  }
  expected += " or " + std::string(primary.back());
  CHECK(has(result.err, "a command is required: " + expected + "\n"));
}

TEST_CASE("did you mean: the closest command of the table to a typo", "[cli][table][suggest]") {
  const auto commands = iotc::cli::visible_command_names();
  CHECK(iotc::cli::closest_match("lst", commands) == "list");
  CHECK(iotc::cli::closest_match("shwo", commands) == "show");
  CHECK(iotc::cli::closest_match("rerunn", commands) == "rerun");
  CHECK(iotc::cli::closest_match("dev", commands) == "devices");
  CHECK(iotc::cli::closest_match("delete", commands) == std::nullopt);
  CHECK(iotc::cli::closest_match("xyz", commands) == std::nullopt);

  CommandHarness h;
  const auto typo = h.run_line({"lst"});
  CHECK(typo.exit_code == 2);
  CHECK(has(typo.err, "unknown command 'lst'. Did you mean 'list'?"));
}
