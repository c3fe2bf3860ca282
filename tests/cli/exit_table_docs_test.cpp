// The exit-status table lives once, in code (cli/exit_codes.cpp): the README, the guide and
// docs/design.md show it, and this test holds them to it, row for row. (--help prints it from
// the code, and the man page is generated from --help.)

#include <catch2/catch.hpp>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "cli/exit_codes.hpp"

namespace {

using Rows = std::vector<std::pair<int, std::string>>;

std::string read_doc(const std::string& relative) {
  std::ifstream file(std::string(IOTC_REPO_DIR) + "/" + relative);
  REQUIRE(file);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

// The text from the line `start` to the next line starting with `stop` (or the end).
std::string section(const std::string& text, const std::string& start, const std::string& stop) {
  const auto begin = text.find(start);
  REQUIRE(begin != std::string::npos);
  const auto end = text.find(stop, begin + start.size());
  return text.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
}

// "| 6 | meaning |" and "| 6 | meaning | what to do |": the code and the meaning of each row.
Rows table_rows(const std::string& text) {
  static const std::regex row(R"(^\| (\d+) \| ([^|]*[^| ]) \|)");
  Rows rows;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    std::smatch match;
    if (std::regex_search(line, match, row)) rows.emplace_back(std::stoi(match[1]), match[2]);
  }
  return rows;
}

Rows code_rows() {
  Rows rows;
  for (const auto& status : iotc::cli::exit_status_table()) {
    rows.emplace_back(status.code, std::string(status.meaning));
  }
  return rows;
}

}  // namespace

TEST_CASE("the README's exit-code table is the code's", "[cli][exit-table]") {
  CHECK(table_rows(section(read_doc("README.md"), "\n## Exit codes", "\n## ")) == code_rows());
}

TEST_CASE("the guide's troubleshooting table is the code's", "[cli][exit-table]") {
  const auto guide = read_doc("docs/guide.md");
  CHECK(table_rows(section(guide, "\n## Troubleshooting by exit code", "\n## ")) == code_rows());
}

TEST_CASE("docs/design.md's exit-status table is the code's", "[cli][exit-table]") {
  const auto design = read_doc("docs/design.md");
  CHECK(table_rows(section(design, "<!-- exit-status-table -->", "<!-- /exit-status-table -->")) ==
        code_rows());
}

TEST_CASE("the --help prints every row of the table", "[cli][exit-table]") {
  const auto help = iotc::cli::exit_status_help();
  CHECK(help.starts_with("Exit status:\n"));
  for (const auto& status : iotc::cli::exit_status_table()) {
    CHECK(help.find(std::to_string(status.code) + (status.code < 10 ? "    " : "  ") +
                    std::string(status.meaning)) != std::string::npos);
  }
}
