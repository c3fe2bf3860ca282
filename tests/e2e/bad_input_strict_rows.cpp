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
      args_row(
          "typed value", "--set arr='[1,2'", create_flags({"--set", "arr=[1,2"}),
          {"--set 'arr=[1,2': starts like JSON but is not valid JSON", R"(--set 'arr="[1,2"')"}),
      args_row("typed value", "--call with '{broken'", create_flags({"--call", "run={broken"}),
               {"--call 'run={broken': starts like JSON", R"(--call 'run="{broken"')"}),
      args_row("typed value", "--set-cloud with an unterminated string",
               create_flags({"--set-cloud", R"(name="Contoso)"}),
               {"starts like JSON but is not valid JSON", R"(--set-cloud 'name="\"Contoso"')"}),
      args_row("typed value", "--set with --dry-run: a dry run refuses too",
               create_flags({"--set", "fw=2.50", "--dry-run"}), {"would reach the device as 2.5"}),
  };
}

std::vector<Row> unknown_member_rows() {
  const std::string kUnknown = ": unknown member in api-version ";
  return {
      job_row("unknown member", "cancelationThreshold (one l)",
              {{"/cancelationThreshold", R"({"type":"percentage","value":10})"}},
              {"cancelationThreshold" + kUnknown + "2022-07-31",
               "did you mean 'cancellationThreshold'?", "--allow-unknown-fields"}),
      job_row("unknown member", "gruop: the group is missing too",
              {{"/group", ""}, {"/gruop", R"("Thermostats")"}},
              {"gruop" + kUnknown, "did you mean 'group'?", "group: required"}),
      job_row("unknown member", "batch.vaule", {{"/batch", R"({"type":"number","vaule":5})"}},
              {"batch.vaule" + kUnknown, "did you mean 'value'?", "batch.value: required"}),
      job_row("unknown member", "cancellationThreshold.perBatch",
              {{"/cancellationThreshold", R"({"type":"number","value":5,"perBatch":true})"}},
              {"cancellationThreshold.perBatch" + kUnknown, "(expected type, value, batch)"}),
      job_row("unknown member", "data[0].tagret", {{"/data/0/tagret", R"("dtmi:x:y;1")"}},
              {"data[0].tagret" + kUnknown, "did you mean 'target'?"}),
      job_row("unknown member", "data[0].template on a property",
              {{"/data/0/template", R"("dtmi:x:y;1")"}},
              {"data[0].template" + kUnknown + "2022-07-31 (expected type, target, path, value)"}),
      job_row(
          "unknown member", "data[1].path on a template migration",
          {{"/data/1", R"({"type":"deviceTemplateMigration","template":"dtmi:x:y;1","path":"p"})"}},
          {"data[1].path" + kUnknown}),
      job_row("unknown member", "data[0].manifest in preview",
              {{"/data/0/type", R"("PropertyJobData")"}, {"/data/0/manifest", R"("m")"}},
              {"data[0].manifest" + kUnknown + "preview"}, {"--api-version", "preview"}),
      job_row("unknown member", "a member of a future version", {{"/priority", "1"}},
              {"priority" + kUnknown, "(expected id, scheduledJobId,"}),
      job_row("unknown member", "--allow-unknown-fields leaves the other checks on",
              {{"/futureOption", "true"}, {"/batch", R"({"type":"number","value":0})"}},
              {"batch.value: "}, {"--allow-unknown-fields"}),
      job_row("unknown member", "--allow-unknown-fields with --dry-run still validates",
              {{"/data", "[]"}}, {"data: must hold at least one item"},
              {"--allow-unknown-fields", "--dry-run"}),
  };
}

// az iot central job create --content: a bare array of job data, the group from --group.
std::vector<Row> content_array_rows() {
  const std::string item = R"({"type":"property","target":"dtmi:a:b;1","path":"p","value":1})";
  return {
      file_row("job data array", "without --group", "[" + item + "]", {"group: required"}),
      file_row("job data array", "empty", "[]", {"data: must hold at least one item"},
               {"--group", "Thermostats"}),
      file_row("job data array", "an item with a typo",
               R"([{"type":"command","target":"t","pth":"p"}])",
               {"data[0].pth: unknown member", "did you mean 'path'?", "data[0].path: required"},
               {"--group", "Thermostats"}),
      file_row("job data array", "an item that is not an object", "[" + item + ",5]",
               {"data[1]: must be an object"}, {"--group", "Thermostats"}),
  };
}

// A plain word must name a column, before anything is sent: create must not run first.
std::vector<Row> column_rows() {
  return {
      args_row("columns", "create --columns with a typo", create_flags({"--columns", "id,stauts"}),
               {"--columns: unknown column 'stauts' (expected id, displayName, status,",
                "or a dotted path such as progress.failed"}),
      args_row("columns", "show --columns with a typo", {"show", "job-006", "--columns", "nmae"},
               {"--columns: unknown column 'nmae'"}),
      args_row("columns", "devices --columns naming a job's column",
               {"devices", "job-006", "--columns", "progress"},
               {"--columns: unknown column 'progress' (expected id, status,"}),
      args_row("columns", "list --columns with a dotted path and a typo",
               {"list", "-o", "json", "--columns", "progress.failed,grup"},
               {"--columns: unknown column 'grup'"}),
  };
}

}  // namespace

std::vector<Row> strict_input_rows() {
  std::vector<Row> rows;
  for (auto part :
       {typed_value_rows(), unknown_member_rows(), content_array_rows(), column_rows()}) {
    for (auto& row : part) rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace iotc::testing::bad_input
