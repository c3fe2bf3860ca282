// The bad-input matrix's job files: malformed JSON, wrong types, missing members, values out
// of range, bad job data.

#include <cstddef>
#include <string>

#include "bad_input_rows.hpp"

namespace iotc::testing::bad_input {
namespace {

using model::Json;

constexpr std::size_t kTenMegabytes = 10 * 1024 * 1024;
constexpr std::size_t kTooDeep = 200;  // the CLI refuses job files nested deeper than 100

std::string nested(std::size_t depth) {
  return "{\"group\":\"Thermostats\",\"description\":" + std::string(depth, '[') +
         std::string(depth, ']') + "}";
}

std::string binary_garbage() {
  std::string bytes;
  for (int round = 0; round < 4; ++round) {
    for (int byte = 255; byte >= 0; --byte) bytes += static_cast<char>(byte);
  }
  return bytes;
}

std::string ten_megabyte_job() {
  Json job = base_job();
  job.erase("group");
  job["description"] = std::string(kTenMegabytes, 'x');
  return job.dump();
}

std::vector<Row> json_rows() {
  const std::string valid = base_job().dump();
  return {
      file_row("malformed JSON", "truncated", valid.substr(0, valid.size() - 3),
               {"the job file", "is not valid JSON", "unexpected end of input"}),
      file_row("malformed JSON", "trailing comma",
               R"({"group":"Thermostats","data":[{"type":"command","target":"t","path":"p"},]})",
               {"the job file", "is not valid JSON", "unexpected ']'"}),
      // A bare array is job data (az's --content): a Job inside one is a data item without a type.
      file_row("malformed JSON", "a Job inside an array", "[" + valid + "]",
               {"data[0].type: required", "group: required"}),
      file_row("malformed JSON", "a string, not an object", R"("job")",
               {"the job file must hold a JSON object (a Job) or an array of job data"}),
      file_row("malformed JSON", "null, not an object", "null",
               {"the job file must hold a JSON object (a Job) or an array of job data"}),
      file_row("malformed JSON", "empty file", "",
               {"the job file", "is not valid JSON", "unexpected end of input"}),
      file_row("malformed JSON", "only white space", " \n\t\n",
               {"the job file", "is not valid JSON"}),
      file_row("malformed JSON", "binary garbage", binary_garbage(),
               {"the job file", "is not valid JSON"}),
      file_row("malformed JSON", "nested 200 deep", nested(kTooDeep),
               {"the job file", "nests deeper than 100 levels"}),
      file_row("malformed JSON", "ill-formed UTF-8 in a string",
               "{\"displayName\":\"\xff\xfe\",\"group\":\"Thermostats\"}",
               {"the job file", "is not valid JSON", "ill-formed UTF-8"}),
      file_row("malformed JSON", "single quotes", "{'group':'Thermostats'}",
               {"the job file", "is not valid JSON", "line 1, column 2"}),
      file_row("malformed JSON", "a comment after the object", valid + " // the job",
               {"the job file", "is not valid JSON"}),
      file_row("malformed JSON", "two documents", valid + valid,
               {"the job file", "is not valid JSON", "expected end of input"}),
      file_row("malformed JSON", "NaN", R"({"group":"Thermostats","batch":{"value":NaN}})",
               {"the job file", "is not valid JSON"}),
      file_row("malformed JSON", "a number too large for a double",
               R"({"group":"Thermostats","batch":{"type":"number","value":1e400}})",
               {"the job file", "is not valid JSON", "1e400"}),
      file_row("malformed JSON", "a member twice (group)",
               R"({"group":"Thermostats","group":"Lab thermostats","data":[]})",
               {"the job file", "has the member 'group' twice"}),
      file_row("malformed JSON", "a member twice (data[0].type)",
               R"({"group":"Thermostats","data":[{"type":"command","type":"property"}]})",
               {"the job file", "has the member 'type' twice"}),
      file_row("malformed JSON", "a 10 MB job without a group", ten_megabyte_job(),
               {"nothing was sent", "group: required"}),
      {"malformed JSON",
       "truncated on standard input",
       {"create", "--file", "-"},
       std::nullopt,
       {"the job file standard input is not valid JSON"},
       {},
       valid.substr(0, 40)},
      {"malformed JSON",
       "empty standard input",
       {"create", "--file", "-"},
       std::nullopt,
       {"the job file standard input is not valid JSON"}},
  };
}
std::vector<Row> type_rows() {
  const char* kString = "must be a string";
  return {
      job_row("wrong type", "id", {{"/id", "5"}}, {"id: must be a string"}),
      job_row("wrong type", "displayName", {{"/displayName", "5"}}, {"displayName: ", kString}),
      job_row("wrong type", "description", {{"/description", "[]"}}, {"description: ", kString}),
      job_row("wrong type", "group (number)", {{"/group", "5"}}, {"group: must be a string"}),
      job_row("wrong type", "group (null)", {{"/group", "null"}}, {"group: must be a string"}),
      job_row("wrong type", "batch", {{"/batch", R"("10")"}}, {"batch: must be an object"}),
      job_row("wrong type", "batch.type", {{"/batch", R"({"type":5,"value":10})"}},
              {"batch.type: must be a string"}),
      job_row("wrong type", "batch.value", {{"/batch", R"({"type":"number","value":"10"})"}},
              {"batch.value: must be a number"}),
      job_row("wrong type", "cancellationThreshold", {{"/cancellationThreshold", "true"}},
              {"cancellationThreshold: must be an object"}),
      job_row("wrong type", "cancellationThreshold.type",
              {{"/cancellationThreshold", R"({"type":[],"value":10})"}},
              {"cancellationThreshold.type: must be a string"}),
      job_row("wrong type", "cancellationThreshold.value",
              {{"/cancellationThreshold", R"({"type":"number","value":"5"})"}},
              {"cancellationThreshold.value: must be a number"}),
      job_row("wrong type", "cancellationThreshold.batch",
              {{"/cancellationThreshold", R"({"type":"number","value":5,"batch":"yes"})"}},
              {"cancellationThreshold.batch: must be true or false"}),
      job_row("wrong type", "data (object)", {{"/data", "{}"}}, {"data: must be an array"}),
      job_row("wrong type", "data (string)", {{"/data", R"("property")"}},
              {"data: must be an array"}),
      job_row("wrong type", "data[0]", {{"/data/0", "5"}}, {"data[0]: must be an object"}),
      job_row("wrong type", "data[0].type", {{"/data/0/type", "5"}},
              {"data[0].type: must be a string"}),
      job_row("wrong type", "data[0].target", {{"/data/0/target", "5"}},
              {"data[0].target: must be a string"}),
      job_row("wrong type", "data[0].path", {{"/data/0/path", R"(["x"])"}},
              {"data[0].path: must be a string"}),
      job_row("wrong type", "data[1].path, after a valid data[0]",
              {{"/data/1", R"({"type":"command","target":"t","path":{}})"}},
              {"data[1].path: must be a string"}),
      job_row("wrong type", "organizations", {{"/organizations", R"("seattle")"}},
              {"organizations: must be an array"}, {"--api-version", "2022-10-31-preview"}),
      job_row("wrong type", "organizations[0]", {{"/organizations", "[5]"}},
              {"organizations[0]: must be a string"}, {"--api-version", "2022-10-31-preview"}),
  };
}
std::vector<Row> required_rows() {
  return {
      job_row("missing member", "group", {{"/group", ""}}, {"group: required"}),
      job_row("missing member", "group blank", {{"/group", R"("  ")"}}, {"group: required"}),
      job_row("missing member", "data", {{"/data", ""}}, {"data: required"}),
      job_row("missing member", "data[0].type", {{"/data/0/type", ""}}, {"data[0].type: required"}),
      job_row("missing member", "data[0].type empty", {{"/data/0/type", R"("")"}},
              {"data[0].type: required"}),
      job_row("missing member", "data[0].target", {{"/data/0/target", ""}},
              {"data[0].target: required"}),
      job_row("missing member", "data[0].target blank", {{"/data/0/target", R"(" ")"}},
              {"data[0].target: required"}),
      job_row("missing member", "data[0].path", {{"/data/0/path", ""}}, {"data[0].path: required"}),
      job_row("missing member", "data[0].value of a property", {{"/data/0/value", ""}},
              {"data[0].value: required for a property job"}),
      job_row("missing member", "batch.type", {{"/batch", R"({"value":5})"}},
              {"batch.type: required"}),
      job_row("missing member", "batch.value", {{"/batch", R"({"type":"number"})"}},
              {"batch.value: required"}),
      job_row("missing member", "cancellationThreshold.value",
              {{"/cancellationThreshold", R"({"type":"percentage"})"}},
              {"cancellationThreshold.value: required"}),
      job_row("missing member", "data[0].template of a template migration",
              {{"/data/0", R"({"type":"deviceTemplateMigration"})"}},
              {"data[0].template: required"}),
      job_row("missing member", "data[0].manifest of a manifest migration",
              {{"/data/0", R"({"type":"deviceManifestMigration"})"}},
              {"data[0].manifest: required"}, {"--api-version", "2022-10-31-preview"}),
      file_row("missing member", "an empty object", "{}", {"group: required", "data: required"}),
  };
}
std::vector<Row> range_rows() {
  const char* kWhole = "a number of devices must be a whole number of 1 or more";
  const char* kPercent = "a percentage must be more than 0 and at most 100";
  return {
      job_row("out of range", "batch of 0 devices", {{"/batch", R"({"type":"number","value":0})"}},
              {"batch.value: ", kWhole}),
      job_row("out of range", "batch of 101%", {{"/batch", R"({"type":"percentage","value":101})"}},
              {"batch.value: ", kPercent}),
      job_row("out of range", "batch of 0%", {{"/batch", R"({"type":"percentage","value":0})"}},
              {"batch.value: ", kPercent}),
      job_row("out of range", "batch of 2.5 devices",
              {{"/batch", R"({"type":"number","value":2.5})"}}, {"batch.value: ", kWhole}),
      job_row("out of range", "batch of -3 devices",
              {{"/batch", R"({"type":"number","value":-3})"}}, {"batch.value: ", kWhole}),
      job_row("out of range", "batch.type unknown", {{"/batch", R"({"type":"percent","value":5})"}},
              {"batch.type: must be \"number\" or \"percentage\""}),
      job_row("out of range", "threshold of -1 devices",
              {{"/cancellationThreshold", R"({"type":"number","value":-1})"}},
              {"cancellationThreshold.value: ", kWhole}),
      job_row("out of range", "threshold of 150%",
              {{"/cancellationThreshold", R"({"type":"percentage","value":150})"}},
              {"cancellationThreshold.value: ", kPercent}),
      job_row("out of range", "threshold of 0.5 devices",
              {{"/cancellationThreshold", R"({"type":"number","value":0.5})"}},
              {"cancellationThreshold.value: ", kWhole}),
      job_row("out of range", "two organizations", {{"/organizations", R"(["a","b"])"}},
              {"organizations: exactly one organization is supported"},
              {"--api-version", "2022-10-31-preview"}),
      job_row("out of range", "an empty organization", {{"/organizations", R"([""])"}},
              {"organizations[0]: must not be empty"}, {"--api-version", "2022-10-31-preview"}),
      args_row("out of range", "--batch 0", create_flags({"--batch", "0"}),
               {"batch.value: ", kWhole}),
      args_row("out of range", "--batch 101%", create_flags({"--batch", "101%"}),
               {"batch.value: ", kPercent}),
      args_row("out of range", "--cancel-threshold -5", create_flags({"--cancel-threshold", "-5"}),
               {"cancellationThreshold.value: ", kWhole}),
      args_row("out of range", "--batch 0 with --dry-run: a dry run validates too",
               create_flags({"--batch", "0", "--dry-run"}), {"batch.value: ", kWhole}),
  };
}
std::vector<Row> data_rows() {
  return {
      job_row("job data", "unknown data type", {{"/data/0/type", R"("frobnicate")"}},
              {"data[0].type: unknown job data type 'frobnicate'"}),
      job_row("job data", "empty data array", {{"/data", "[]"}},
              {"data: must hold at least one item"}),
      job_row("job data", "the third item wrong, the first two valid",
              {{"/data/1", R"({"type":"command","target":"t","path":"reboot"})"},
               {"/data/2", R"({"type":"property","target":"t"})"}},
              {"data[2].path: required", "data[2].value: required"}),
      job_row("job data", "every problem at once",
              {{"/group", ""},
               {"/data/0/type", R"("frobnicate")"},
               {"/batch", R"({"type":"number","value":0})"}},
              {"group: required", "data[0].type: unknown job data type", "batch.value: "}),
  };
}
}  // namespace

std::vector<Row> job_file_rows() {
  std::vector<Row> rows;
  for (auto part : {json_rows(), type_rows(), required_rows(), range_rows(), data_rows()}) {
    for (auto& row : part) rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace iotc::testing::bad_input
