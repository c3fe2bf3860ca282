#pragma once
// The rows of the bad-input matrix (bad_input_test.cpp): each is one command line, with a job
// file or a config file if it needs one, and what stderr must say.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cli.hpp"

namespace iotc::testing::bad_input {

inline constexpr const char* kFile = "{file}";  // in a row's args: the path of the row's job file

struct Row {
  std::string category;
  std::string what;
  std::vector<std::string> args;
  std::optional<std::string> file;    // written to a file whose path replaces "{file}"
  std::vector<std::string> expected;  // each must appear on stderr
  Env env = {};
  std::string stdin_data = {};
  std::optional<std::string> config = {};  // the config file's content (XDG_CONFIG_HOME)
};

// A job that is valid as it is (the control case creates it): every row breaks one thing. Its
// group is given by name, so a create that got past validation would first look it up.
model::Json base_job();

// Row makers (bad_input_rows.cpp).
// create --file <content> [extra args]
Row file_row(std::string category, std::string what, std::string content,
             std::vector<std::string> expected, const std::vector<std::string>& extra = {});
// create --file <the base job with changes> [extra args]: each change is a JSON pointer and the
// member's new JSON text ("" removes the member).
Row job_row(std::string category, std::string what,
            const std::vector<std::pair<std::string, std::string>>& changes,
            std::vector<std::string> expected, const std::vector<std::string>& extra = {});
Row args_row(std::string category, std::string what, std::vector<std::string> args,
             std::vector<std::string> expected, Env env = {});
// --profile p list, with `config` as the config file and no IOTC_BASE_URL to win over it.
Row profile_row(std::string what, std::string config, std::vector<std::string> expected);
// create --group Thermostats --target DTMI --set targetTemperature=56 [args]: valid but for args.
std::vector<std::string> create_flags(const std::vector<std::string>& args);

// The tables: job files (bad_input_file_rows.cpp), command lines (bad_input_option_rows.cpp),
// strict input: typed values, unknown members, --columns (bad_input_strict_rows.cpp).
std::vector<Row> job_file_rows();
std::vector<Row> command_line_rows();
std::vector<Row> strict_input_rows();

}  // namespace iotc::testing::bad_input
