// The bad-input matrix's strict-input rows: values whose type would change on the way (--set,
// --call, --set-cloud), unknown members in a job file, and --columns that name nothing.

#include <string>

#include "bad_input_rows.hpp"

namespace iotc::testing::bad_input {
namespace {

std::vector<Row> typed_value_rows() {
  const char* kNumber = "the number: ";
  const char* kText = "the text:   ";
  return {
      args_row("typed value", "--set fw=1.10", create_flags({"--set", "fw=1.10"}),
               {"--set fw=1.10: the number 1.10 would reach the device as 1.1", kText,
                R"(--set 'fw="1.10"')", "the number: --set fw=1.1"}),
      args_row("typed value", "--set code=007", create_flags({"--set", "code=007"}),
               {"--set code=007", R"(--set 'code="007"')", "--set code=7"}),
      args_row("typed value", "--set n=1e3", create_flags({"--set", "n=1e3"}),
               {"would reach the device as 1000", kNumber}),
      args_row("typed value", "--set n=1.0", create_flags({"--set", "n=1.0"}),
               {"--set n=1.0: the number 1.0 would reach the device as 1", "--set n=1"}),
      args_row("typed value", "--set-cloud beyond 2^53",
               create_flags({"--set-cloud", "serial=12345678901234567890"}),
               {"--set-cloud serial=12345678901234567890", "2^53 or more",
                R"(--set-cloud 'serial="12345678901234567890"')"}),
      args_row("typed value", "--call with 9007199254740993",
               create_flags({"--call", "seek=9007199254740993"}), {"--call seek=", "2^53"}),
      args_row("typed value", "--set arr='[1,2'", create_flags({"--set", "arr=[1,2"}),
               {"--set 'arr=[1,2': starts like JSON but is not valid JSON",
                R"(--set 'arr="[1,2"')"}),
      args_row("typed value", "--call with '{broken'", create_flags({"--call", "run={broken"}),
               {"--call 'run={broken': starts like JSON", R"(--call 'run="{broken"')"}),
      args_row("typed value", "--set-cloud with an unterminated string",
               create_flags({"--set-cloud", R"(name="Contoso)"}),
               {"starts like JSON but is not valid JSON", R"(--set-cloud 'name="\"Contoso"')"}),
      args_row("typed value", "--set with --dry-run: a dry run refuses too",
               create_flags({"--set", "fw=2.50", "--dry-run"}),
               {"would reach the device as 2.5"}),
  };
}

}  // namespace

std::vector<Row> strict_input_rows() {
  std::vector<Row> rows;
  for (auto part : {typed_value_rows()}) {
    for (auto& row : part) rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace iotc::testing::bad_input
