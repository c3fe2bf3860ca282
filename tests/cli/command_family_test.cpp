// A family of commands (`schedule list`, `schedule create`, ...) is a row of the table whose
// rows are its subcommands: add_commands builds the nested tree, and a family needs one of them.

#include <CLI/CLI.hpp>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "command_harness.hpp"

using iotc::cli::CommandSpec;

namespace {

// Which leaf ran, for the rows below (a test-only table: no Context is needed to parse).
std::vector<std::string> ran;

void add_alpha(CLI::App& command, iotc::cli::Context&) {
  command.callback([] { ran.push_back("family alpha"); });
}
void add_beta(CLI::App& command, iotc::cli::Context&) {
  command.add_option("ID", "An id")->required();
  command.callback([] { ran.push_back("family beta"); });
}

constexpr CommandSpec kFamily[] = {
    {"alpha", "The first of the family.", add_alpha},
    {"beta", "The second, with an argument.", add_beta},
};
constexpr CommandSpec kTable[] = {
    {"family", "A family of commands.", nullptr, kFamily},
};

}  // namespace

TEST_CASE("a family row adds its subcommands below it, and needs one", "[cli][table]") {
  iotc::testing::CommandHarness h;
  h.run([](iotc::cli::Context& context) {
    CLI::App app("test", "iotc-jobs");
    iotc::cli::add_commands(app, kTable, context);
    CLI::App* family = app.get_subcommand("family");
    REQUIRE(family != nullptr);
    CHECK(family->get_description() == "A family of commands.");
    CHECK(family->get_subcommand("alpha")->get_description() == "The first of the family.");

    ran.clear();
    app.parse(std::vector<std::string>{"x", "beta", "family"});  // CLI11 reads it backwards
    CHECK(ran == std::vector<std::string>{"family beta"});

    CLI::App again("test", "iotc-jobs");
    iotc::cli::add_commands(again, kTable, context);
    CHECK_THROWS_AS(again.parse(std::vector<std::string>{"family"}), CLI::RequiredError);
  });
}
