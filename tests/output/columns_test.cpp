#include "output/columns.hpp"

#include <catch2/catch.hpp>

#include "errors.hpp"
#include "output/cells.hpp"
#include "output/selection.hpp"

using namespace iotc::output;

namespace {
const Json kJob = Json::parse(R"({
  "id": "job-1", "status": "complete",
  "data": [{"type": "PropertyJobData", "target": "dtmi:a", "path": "targetTemperature", "value": "56"},
           {"type": "command", "target": "dtmi:a", "path": "reboot"}],
  "batch": {"type": "percentage", "value": 25},
  "cancellationThreshold": {"type": "number", "value": 3, "batch": true},
  "progress": {"total": 4, "pending": 0, "completed": 3, "failed": 1},
  "start": "2026-11-27T09:55:00Z",
  "organizations": ["contoso-lab"], "several": ["a", "b"]
})");
const std::vector<Column> kCatalog{
    {"id", "ID", CellKind::text, false},
    {"end", "ENDED", CellKind::time, false},
    {"progress", "PROGRESS", CellKind::progress, false},
    {"data", "DATA", CellKind::job_data, true},
    {"batch", "BATCH", CellKind::size, false},
    {"cancellationThreshold", "THRESHOLD", CellKind::size, false},
    {"start", "STARTED", CellKind::time, false},
    {"organizations", "ORGANIZATIONS", CellKind::id_list, true},
    {"several", "SEVERAL", CellKind::id_list, true},
};
std::string cell(std::string_view path, bool relative = false) {
  const auto columns = parse_columns(path, kCatalog);
  const auto now = *parse_rfc3339("2026-11-27T10:00:00Z");
  return cell_text(columns.at(0), kJob, CellContext{relative, now}).value_or("<missing>");
}
}  // namespace

TEST_CASE("dotted paths reach nested members and array items", "[columns]") {
  REQUIRE(find_path(kJob, "progress.failed"));
  CHECK(find_path(kJob, "progress.failed")->get<int>() == 1);
  CHECK(find_path(kJob, "data.0.path")->get<std::string>() == "targetTemperature");
  CHECK(find_path(kJob, "data[1].path")->get<std::string>() == "reboot");
  CHECK(find_path(kJob, "data[2].path") == nullptr);
  CHECK(find_path(kJob, "progress.nope") == nullptr);
  CHECK(find_path(kJob, "id.x") == nullptr);
}

TEST_CASE("columns: --columns keeps the order given, unknown paths get their name as header",
          "[columns]") {
  const auto columns = parse_columns("progress, progress.failed ,id", kCatalog);
  REQUIRE(columns.size() == 3);
  CHECK(columns[0].header == "PROGRESS");
  CHECK(columns[0].kind == CellKind::progress);
  CHECK(columns[1].header == "PROGRESS.FAILED");
  CHECK(columns[2].path == "id");
  CHECK_THROWS_AS(parse_columns("id,,status", kCatalog), iotc::UsageError);
  // A plain word must be a column; a dotted path may name any member.
  CHECK_THROWS_WITH(parse_columns("id,stauts", kCatalog),
                    Catch::Contains("unknown column 'stauts'") && Catch::Contains("(expected id,"));
  CHECK(parse_columns("progress.pending,data[0].path", kCatalog).size() == 2);
  CHECK_THROWS_AS(parse_columns("", kCatalog), iotc::UsageError);
}

TEST_CASE("cells summarise jobs for people", "[columns]") {
  CHECK(cell("id") == "job-1");
  CHECK(cell("progress") == "4/4, 1 failed");
  CHECK(cell("progress.failed") == "1");
  CHECK(cell("data") == "property targetTemperature=\"56\"; command reboot");
  CHECK(cell("batch") == "25%");
  CHECK(cell("cancellationThreshold") == "3 per batch");
  CHECK(cell("start") == "2026-11-27T09:55:00Z");
  CHECK(cell("start", true) == "5m ago");
  CHECK(cell("end") == "<missing>");
  CHECK(cell("data.0") ==
        R"({"type":"PropertyJobData","target":"dtmi:a","path":"targetTemperature","value":"56"})");
}

TEST_CASE("a data cell names each item's kind in the short word", "[columns]") {
  const Column data{"data", "DATA", CellKind::job_data, true};
  const auto data_cell = [&](const char* items) {
    return cell_text(data, Json{{"data", Json::parse(items)}}, CellContext{}).value_or("<missing>");
  };
  CHECK(data_cell(R"([{"type":"CloudPropertyJobData","path":"label","value":"x"}])") ==
        R"(cloudProperty label="x")");
  // An item that shows as nothing takes no separator.
  CHECK(data_cell(R"([{"type":"JobData"},{"type":"command","path":"reboot","value":null}])") ==
        "command reboot");
  CHECK(data_cell(R"([{"type":"deviceTemplateMigration","template":"dtmi:t;2","path":"p"}])") ==
        "migrate to dtmi:t;2");
  CHECK(data_cell(R"([{"type":"x","manifest":"m-1"}])") == "migrate to manifest m-1");
  CHECK(data_cell(R"([{"type":"property","path":"p","value":{"a":[1,2.5]}}])") ==
        R"(property p={"a":[1,2.5]})");
  CHECK(data_cell("[]").empty());
}

TEST_CASE("a progress cell names the first member that is not a count", "[columns]") {
  const Column progress{"progress", "PROGRESS", CellKind::progress, false};
  const Json row = Json::parse(R"({"progress": {"failed": -1, "completed": 2.5, "total": -1}})");
  CHECK_THROWS_WITH(cell_text(progress, row, CellContext{}),
                    Catch::Contains("progress.total is -1"));
  const Json second = Json::parse(R"({"progress": {"failed": -1, "completed": 2.5}})");
  CHECK_THROWS_WITH(cell_text(progress, second, CellContext{}),
                    Catch::Contains("progress.completed is 2.5"));
}

TEST_CASE("cells show organizations as plain ids, not as a JSON array", "[columns]") {
  CHECK(cell("organizations") == "contoso-lab");
  CHECK(cell("several") == "a, b");
}

TEST_CASE("selection: --columns with a JSON format keeps the named members in their nesting",
          "[columns]") {
  const auto columns = parse_columns("id,progress.failed,data[1].path,nowhere.x", kCatalog);
  const Json selected = iotc::output::select_members(kJob, columns);
  CHECK(selected == Json{{"id", "job-1"}, {"progress", {{"failed", 1}}}, {"data", kJob["data"]}});
}

TEST_CASE("a path's root is the member find_path reads first", "[columns]") {
  CHECK(column_root("id") == "id");
  CHECK(column_root("progress.failed") == "progress");
  CHECK(column_root("data[0].type") == "data");
  CHECK(column_root("data.0.path") == "data");
  CHECK(column_root("[0]") == "0");
  CHECK(column_root("[0].a") == "0");
  CHECK(column_root("[") == "");
  const Json row = Json::parse(R"({"0": "zero", "data": [{"type": "t"}]})");
  CHECK(find_path(row, "[0]") == &row.at("0"));
}
