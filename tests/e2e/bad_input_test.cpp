// The bad-input matrix: malformed or invalid job files and option combinations. Every row must
// exit 2 with nothing on stdout and a message that names the field (a JSON path for a job file,
// the option for a flag) and the problem, and nothing may reach the service: the emulator's
// request log stays empty, the device-group lookup of a group given by name included.

#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "cli.hpp"

using namespace iotc::testing;
using iotc::model::Json;

namespace {

constexpr const char* kFile = "{file}";  // in a row's args: the path of the row's job file
constexpr std::size_t kTenMegabytes = 10 * 1024 * 1024;
constexpr std::size_t kTooDeep = 200;  // the CLI refuses job files nested deeper than 100

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
Json base_job() {
  return Json::parse(R"({
    "displayName": "Bad input", "group": "Thermostats",
    "data": [{"type": "property", "target": "dtmi:modelDefinition:zomtmdxh:eqod32zbyl",
              "path": "targetTemperature", "value": 56}]})");
}

// The base job with members replaced: each change is a JSON pointer and the member's new JSON
// text ("" removes the member).
std::string job_with(const std::vector<std::pair<std::string, std::string>>& changes) {
  Json job = base_job();
  for (const auto& [pointer, text] : changes) {
    const Json::json_pointer at(pointer);
    if (text.empty()) {
      job.at(at.parent_pointer()).erase(at.back());
    } else {
      job[at] = Json::parse(text);
    }
  }
  return job.dump();
}

std::vector<std::string> concat(std::vector<std::string> first,
                                const std::vector<std::string>& second) {
  first.insert(first.end(), second.begin(), second.end());
  return first;
}

// create --file <content> [extra args]
Row file_row(std::string category, std::string what, std::string content,
             std::vector<std::string> expected, const std::vector<std::string>& extra = {}) {
  return {std::move(category), std::move(what), concat({"create", "--file", kFile}, extra),
          std::move(content), std::move(expected)};
}

// create --file <the base job with changes> [extra args]
Row job_row(std::string category, std::string what,
            const std::vector<std::pair<std::string, std::string>>& changes,
            std::vector<std::string> expected, const std::vector<std::string>& extra = {}) {
  return file_row(std::move(category), std::move(what), job_with(changes), std::move(expected),
                  extra);
}

Row args_row(std::string category, std::string what, std::vector<std::string> args,
             std::vector<std::string> expected, Env env = {}) {
  return {std::move(category), std::move(what),     std::move(args),
          std::nullopt,        std::move(expected), std::move(env)};
}

// --profile p list, with `config` as the config file and no IOTC_BASE_URL to win over it.
Row profile_row(std::string what, std::string config, std::vector<std::string> expected) {
  return {"profile",    std::move(what),     {"--profile", "p", "list"},
          std::nullopt, std::move(expected), {{"IOTC_BASE_URL", std::nullopt}},
          {},           std::move(config)};
}

// create --group Thermostats --target DTMI --set targetTemperature=56 [args]: valid but for args.
std::vector<std::string> create_flags(const std::vector<std::string>& args) {
  return concat({"create", "--group", "Thermostats", "--target", kThermostatTemplate, "--set",
                 "targetTemperature=56"},
                args);
}

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

const std::string kLongId(256, 'a');
constexpr const char* kJobIdRule = "1 to 255 letters, digits, '-' or '_'";

std::vector<Row> json_rows() {
  const std::string valid = base_job().dump();
  return {
      file_row("malformed JSON", "truncated", valid.substr(0, valid.size() - 3),
               {"the job file", "is not valid JSON", "unexpected end of input"}),
      file_row("malformed JSON", "trailing comma",
               R"({"group":"Thermostats","data":[{"type":"command","target":"t","path":"p"},]})",
               {"the job file", "is not valid JSON", "unexpected ']'"}),
      file_row("malformed JSON", "an array, not an object", "[" + valid + "]",
               {"the job file must hold a JSON object"}),
      file_row("malformed JSON", "a string, not an object", R"("job")",
               {"the job file must hold a JSON object"}),
      file_row("malformed JSON", "null, not an object", "null",
               {"the job file must hold a JSON object"}),
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

std::vector<Row> id_rows() {
  return {
      job_row("job id", "file id with a space", {{"/id", R"("bad id")"}},
              {"job id 'bad id'", kJobIdRule}),
      job_row("job id", "file id with a slash", {{"/id", R"("a/b")"}},
              {"job id 'a/b'", kJobIdRule}),
      job_row("job id", "file id of 256 characters", {{"/id", Json(kLongId).dump()}},
              {"job id '" + kLongId + "'", kJobIdRule}),
      job_row("job id", "file id empty", {{"/id", R"("")"}}, {"job id ''", kJobIdRule}),
      file_row("job id", "create JOB_ID with a space", base_job().dump(),
               {"JOB_ID: 'my job' is not a job id", kJobIdRule}, {"my job"}),
      file_row("job id", "create JOB_ID of 256 characters", base_job().dump(),
               {"JOB_ID: '" + kLongId + "'", kJobIdRule}, {kLongId}),
      file_row("job id", "create JOB_ID empty", base_job().dump(), {"JOB_ID: ''", kJobIdRule},
               {""}),
      args_row("job id", "show with a space", {"show", "a b"}, {"JOB_ID: 'a b'", kJobIdRule}),
      args_row("job id", "show with a slash", {"show", "a/b"}, {"JOB_ID: 'a/b'", kJobIdRule}),
      args_row("job id", "show of 256 characters", {"show", kLongId}, {"JOB_ID: '" + kLongId}),
      args_row("job id", "stop empty", {"stop", ""}, {"JOB_ID: ''", kJobIdRule}),
      args_row("job id", "devices with a space", {"devices", "x y"}, {"JOB_ID: 'x y'", kJobIdRule}),
      args_row("job id", "devices --summary with a '#'", {"devices", "job#1", "--summary"},
               {"JOB_ID: 'job#1'", kJobIdRule}),
      args_row("job id", "resume with a '?'", {"resume", "x?y"}, {"JOB_ID: 'x?y'", kJobIdRule}),
      args_row("job id", "wait with dots and slashes", {"wait", "../etc"},
               {"JOB_ID: '../etc'", kJobIdRule}),
      args_row("job id", "rerun JOB_ID with a space", {"rerun", "bad id"},
               {"JOB_ID: 'bad id'", kJobIdRule}),
      args_row("job id", "rerun RERUN_ID with a space", {"rerun", "job-006", "b c"},
               {"RERUN_ID: 'b c'", kJobIdRule}),
      args_row("job id", "rerun RERUN_ID of 256 characters", {"rerun", "job-006", kLongId},
               {"RERUN_ID: '" + kLongId}),
  };
}

std::vector<Row> version_rows() {
  return {
      job_row("api-version", "template migration in preview",
              {{"/data/0", R"({"type":"deviceTemplateMigration","template":"dtmi:a:b;1"})"}},
              {"data[0].type: 'deviceTemplateMigration' is not available in api-version preview"},
              {"--api-version", "preview"}),
      job_row("api-version", "manifest migration in 2022-07-31",
              {{"/data/0", R"({"type":"deviceManifestMigration","manifest":"m"})"}},
              {"data[0].type: 'deviceManifestMigration' is not available in api-version "
               "2022-07-31"}),
      job_row("api-version", "manifest migration in preview",
              {{"/data/0", R"({"type":"deviceManifestMigration","manifest":"m"})"}},
              {"data[0].type: 'deviceManifestMigration' is not available in api-version preview"},
              {"--api-version", "preview"}),
      job_row("api-version", "organizations in preview", {{"/organizations", R"(["seattle"])"}},
              {"organizations: not available in api-version preview"},
              {"--api-version", "preview"}),
      args_row("api-version", "--migrate-to in preview",
               {"create", "--group", "Thermostats", "--migrate-to", kThermostatTemplate,
                "--api-version", "preview"},
               {"data[0].type: 'deviceTemplateMigration' is not available"}),
      args_row("api-version", "--api-version 2020-01-01", {"--api-version", "2020-01-01", "list"},
               {"--api-version: 2020-01-01 not in"}),
      args_row("api-version", "IOTC_API_VERSION=bogus", {"list"},
               {"IOTC_API_VERSION 'bogus' is not a supported api-version"},
               {{"IOTC_API_VERSION", "bogus"}}),
  };
}

std::vector<Row> create_option_rows() {
  return {
      args_row("create option", "--set without '='", create_flags({"--set", "x"}),
               {"--set: expected PATH=VALUE, got 'x'"}),
      args_row("create option", "--set with an empty path", create_flags({"--set", "=1"}),
               {"--set: expected PATH=VALUE, got '=1'"}),
      args_row("create option", "--set-cloud without '='", create_flags({"--set-cloud", "y"}),
               {"--set-cloud: expected PATH=VALUE"}),
      args_row("create option", "--call empty", create_flags({"--call", ""}),
               {"--call: expected NAME or NAME=VALUE"}),
      args_row("create option", "--call with an empty name", create_flags({"--call", "=5"}),
               {"--call: expected NAME or NAME=VALUE, got '=5'"}),
      args_row("create option", "--set before any --target",
               {"create", "--group", "Thermostats", "--set", "x=1"},
               {"--set needs a --target DTMI before it"}),
      args_row("create option", "--target alone",
               {"create", "--group", "Thermostats", "--target", kThermostatTemplate},
               {"--target needs --set, --call or --set-cloud after it"}),
      args_row("create option", "--target empty",
               {"create", "--group", "Thermostats", "--target", "", "--set", "x=1"},
               {"--target: expected a device template id"}),
      args_row("create option", "--migrate-to empty",
               {"create", "--group", "Thermostats", "--migrate-to", ""},
               {"--migrate-to: expected a device template id"}),
      args_row("create option", "--batch abc", create_flags({"--batch", "abc"}),
               {"--batch: expected a number of devices or a percentage", "got 'abc'"}),
      args_row("create option", "--batch empty", create_flags({"--batch", ""}),
               {"--batch: expected a number of devices or a percentage"}),
      args_row("create option", "--batch 10%%", create_flags({"--batch", "10%%"}),
               {"--batch: expected", "got '10%%'"}),
      args_row("create option", "--batch without its value", create_flags({"--batch"}),
               {"--batch: 1 required TEXT missing"}),
      args_row("create option", "--cancel-threshold 10%,x",
               create_flags({"--cancel-threshold", "10%,x"}),
               {"--cancel-threshold: expected", "got '10%,x'"}),
      args_row("create option", "--threshold-per-batch without a threshold",
               create_flags({"--threshold-per-batch"}),
               {"--threshold-per-batch needs --cancel-threshold"}),
      args_row("create option", "--group empty",
               {"create", "--group", "", "--target", kThermostatTemplate, "--set", "x=1"},
               {"group: required"}),
      args_row("create option", "--organization empty",
               create_flags({"--organization", "", "--api-version", "2022-10-31-preview"}),
               {"organizations[0]: must not be empty"}),
      args_row("create option", "--wait --interval 0", create_flags({"--wait", "--interval", "0"}),
               {"--interval: expected a duration", "got '0'"}),
      args_row("create option", "--wait --interval 5x",
               create_flags({"--wait", "--interval", "5x"}),
               {"--interval: expected a duration", "got '5x'"}),
      args_row("create option", "--interval without --wait", create_flags({"--interval", "1s"}),
               {"--interval needs --wait"}),
      args_row("create option", "--file missing", {"create", "--file", "/nonexistent/job.json"},
               {"--file: cannot read the job file '/nonexistent/job.json'"}),
      args_row("create option", "--file a directory", {"create", "--file", "/"},
               {"--file: '/' is a directory"}),
      {"create option",
       "--file - and --token-file - both from standard input",
       {"--token-file", "-", "create", "--file", "-"},
       std::nullopt,
       {"--file - and --token-file - cannot both read standard input"},
       {},
       base_job().dump()},
      args_row("create option", "--gruop: did you mean --group?", create_flags({"--gruop", "x"}),
               {"unknown option '--gruop' for create. Did you mean '--group'?"}),
      args_row("create option", "--dryrun: did you mean --dry-run?", create_flags({"--dryrun"}),
               {"unknown option '--dryrun' for create. Did you mean '--dry-run'?"}),
      args_row("create option", "--set-clod=x=1: did you mean --set-cloud?",
               create_flags({"--set-clod=x=1"}),
               {"unknown option '--set-clod'", "Did you mean '--set-cloud'?"}),
      args_row("create option", "a JOB_ID and an extra argument", create_flags({"job-1", "job-2"}),
               {"The following argument was not expected: job-2"}),
  };
}

std::vector<Row> global_option_rows() {
  return {
      args_row("global option", "--output yaml", {"--output", "yaml", "list"},
               {"--output: yaml not in"}),
      args_row("global option", "--output yaml after create", create_flags({"--output", "yaml"}),
               {"--output: yaml not in"}),
      args_row("global option", "IOTC_OUTPUT=yaml", {"list"},
               {"IOTC_OUTPUT 'yaml' is not an output format"}, {{"IOTC_OUTPUT", "yaml"}}),
      args_row("global option", "--columns empty", create_flags({"--columns", ""}),
               {"--columns: empty column name"}),
      args_row("global option", "--columns with an empty name",
               {"show", "job-006", "--columns", "id,,status"},
               {"--columns: empty column name in 'id,,status'"}),
      args_row("global option", "--columns of blanks", {"stop", "job-006", "--columns", " , "},
               {"--columns: empty column name"}),
      args_row("global option", "--outptu: did you mean --output?", {"list", "--outptu", "json"},
               {"unknown option '--outptu' for list. Did you mean '--output'?"}),
      args_row("global option", "an unknown option before the command", {"--bogus", "list"},
               {"unknown option '--bogus'"}),
      args_row("global option", "--base-url ftp://", {"--base-url", "ftp://127.0.0.1/", "list"},
               {"the base URL 'ftp://127.0.0.1' is not an absolute http or https URL"}),
      args_row("global option", "plain http off loopback",
               create_flags({"--base-url", "http://example.com"}),
               {"refusing to send the token over plain http to example.com"}),
      args_row("global option", "--base-url without a scheme", {"--base-url", "localhost", "list"},
               {"--base-url 'localhost' is not a URL"}),
      args_row("global option", "--token-file missing",
               create_flags({"--token-file", "/nonexistent/token"}),
               {"cannot read the token file /nonexistent/token"}),
      {"global option",
       "--token-file empty",
       {"--token-file", kFile, "list"},
       "",
       {"the API token from --token-file", "is empty"}},
      {"global option",
       "--token-file of two lines",
       {"--token-file", kFile, "list"},
       "a\nb\n",
       {"the API token from --token-file", "more than one line"}},
      args_row("global option", "--timeout -1s", create_flags({"--timeout", "-1s"}),
               {"--timeout '-1s' is not a duration"}),
      args_row("global option", "--timeout 0", {"--timeout", "0", "show", "job-006"},
               {"--timeout '0' is not a duration"}),
      args_row("global option", "--timeout abc", {"wait", "job-006", "--timeout", "abc"},
               {"--timeout 'abc' is not a duration"}),
      args_row("global option", "IOTC_TIMEOUT=abc", {"show", "job-006"},
               {"IOTC_TIMEOUT 'abc' is not a duration"}, {{"IOTC_TIMEOUT", "abc"}}),
      args_row("global option", "--retries -1", {"--retries", "-1", "list"},
               {"--retries '-1' is not a retry count"}),
      args_row("global option", "--retries abc", {"--retries", "abc", "list"}, {"--retries = abc"}),
      args_row("global option", "--retries 1000", {"--retries", "1000", "list"},
               {"--retries '1000' is not a retry count (0 to 100)"}),
      args_row("global option", "--app with a '!'", {"--app", "bad app!", "list"},
               {"--app 'bad app!' is not an app subdomain"}, {{"IOTC_BASE_URL", std::nullopt}}),
      args_row("global option", "--profile that does not exist", {"--profile", "nosuch", "list"},
               {"profile 'nosuch' (--profile) not found"}),
      args_row("global option", "--cacert missing", {"--cacert", "/nonexistent/ca.pem", "list"},
               {"cannot read the CA file /nonexistent/ca.pem"}),
      args_row("global option", "--dns-suffix empty",
               {"--app", "myapp", "--dns-suffix", "", "list"},
               {"--dns-suffix '' is not a DNS suffix"}, {{"IOTC_BASE_URL", std::nullopt}}),
      args_row("global option", "IOTC_DNS_SUFFIX with an empty label", {"--app", "myapp", "list"},
               {"IOTC_DNS_SUFFIX 'a..b' is not a DNS suffix"},
               {{"IOTC_BASE_URL", std::nullopt}, {"IOTC_DNS_SUFFIX", "a..b"}}),
      args_row("global option", "no app at all", {"list"}, {"no IoT Central app configured"},
               {{"IOTC_BASE_URL", std::nullopt}}),
  };
}

std::vector<Row> profile_rows() {
  return {
      profile_row("config file not valid JSON", R"({"profiles":)",
                  {"the config file", "is not valid JSON"}),
      profile_row("config file not an object", "[]", {"the config file", "is not a JSON object"}),
      profile_row("profile not an object", R"({"profiles":{"p":[]}})",
                  {"profile 'p' in", "is not a JSON object"}),
      profile_row("unknown key in the profile", R"({"profiles":{"p":{"bogus":1}}})",
                  {"unknown key 'bogus' in profile 'p'"}),
      profile_row("app in the profile not a subdomain", R"({"profiles":{"p":{"app":"a b"}}})",
                  {"app in profile 'p' 'a b' is not an app subdomain"}),
      profile_row("timeout in the profile", R"({"profiles":{"p":{"app":"a","timeout":"abc"}}})",
                  {"timeout in profile 'p' 'abc' is not a duration"}),
      profile_row("base_url in the profile", R"({"profiles":{"p":{"base_url":"ftp://x"}}})",
                  {"the base URL 'ftp://x' is not an absolute http or https URL"}),
  };
}

std::vector<Row> command_rows() {
  return {
      args_row("command", "show without JOB_ID", {"show"}, {"JOB_ID is required"}),
      args_row("command", "show with two ids", {"show", "job-1", "job-2"},
               {"The following argument was not expected: job-2"}),
      args_row("command", "list -L 0", {"list", "-L", "0"}, {"--limit must be 1 or more"}),
      args_row("command", "list -L abc", {"list", "-L", "abc"}, {"--limit = abc"}),
      args_row("command", "list --status bogus", {"list", "--status", "bogus"},
               {"--status: bogus not in"}),
      args_row("command", "devices --status bogus", {"devices", "job-006", "--status", "bogus"},
               {"--status: bogus not in"}),
      args_row("command", "wait --interval 0", {"wait", "job-006", "--interval", "0"},
               {"--interval: expected a duration", "got '0'"}),
      args_row("command", "wait --interval -5s", {"wait", "job-006", "--interval", "-5s"},
               {"--interval: expected a duration", "got '-5s'"}),
      args_row("command", "stop --wait --interval 0",
               {"stop", "job-006", "--wait", "--interval", "0"}, {"--interval: expected"}),
      args_row("command", "resume --interval without --wait",
               {"resume", "job-006", "--interval", "2s"}, {"--interval needs --wait"}),
      args_row("command", "rerun --wait --interval 1h1",
               {"rerun", "job-006", "--wait", "--interval", "1h1"},
               {"--interval: expected a duration", "got '1h1'"}),
      args_row("command", "show --interval (only for wait and --wait)",
               {"show", "job-006", "--interval", "5s"}, {"unknown option '--interval' for show"}),
      args_row("command", "an unknown command", {"lst"},
               {"unknown command 'lst'. Did you mean 'list'?"}),
      args_row("command", "completion for an unknown shell", {"completion", "powershell"},
               {"SHELL: powershell not in"}),
  };
}

std::vector<Row> all_rows() {
  std::vector<Row> rows;
  for (auto part : {json_rows(), type_rows(), required_rows(), range_rows(), data_rows(), id_rows(),
                    version_rows(), create_option_rows(), global_option_rows(), profile_rows(),
                    command_rows()}) {
    for (auto& row : part) rows.push_back(std::move(row));
  }
  return rows;
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

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
  // group lookup by name, then the PUT). Every row below changes one thing of it.
  write_file(job_file, base_job().dump());
  clear_log(emulator);
  const auto control = cli.run({"create", "bad-input-control", "--file", job_file});
  REQUIRE(control.exit_code == 0);
  const Json sent = logged_requests(emulator);
  REQUIRE(sent.size() >= 2);
  CHECK(has(sent.front().at("path").get<std::string>(), "/deviceGroups"));
  CHECK(sent.back().at("method").get<std::string>() == "PUT");

  const std::vector<Row> rows = all_rows();
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
    for (const char* crash : {"terminate called", "what():", "Aborted", "Segmentation", "#0 "}) {
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
