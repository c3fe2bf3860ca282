#include "output/row_cells.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "seed_objects.hpp"

using namespace iotc::output;

namespace {

// The job table's columns, and paths into members the text path reads and the DOM path reads.
const std::vector<Column> kColumns{
    {"id", "ID", CellKind::text, false},
    {"displayName", "NAME", CellKind::text, true},
    {"status", "STATUS", CellKind::status, false},
    {"progress", "PROGRESS", CellKind::progress, false},
    {"start", "STARTED", CellKind::time, false},
    {"end", "ENDED", CellKind::time, false},
    {"data", "DATA", CellKind::job_data, true},
    {"batch", "BATCH", CellKind::size, false},
    {"group", "GROUP", CellKind::named, false},
    {"organizations", "ORGANIZATIONS", CellKind::id_list, true},
    {"progress.failed", "FAILED", CellKind::text, false},
    {"data[0].value", "VALUE", CellKind::text, false},
    {"[0]", "ZERO", CellKind::text, false},
};

const CellContext kContexts[] = {
    {false, {}},
    {true, *parse_rfc3339("2026-12-06T03:00:00Z")},
};

// The cells of a row, or the error that reading it threw: the text path must do what the DOM
// path does, errors included.
std::vector<std::string> cells_of(RowCells& cells) {
  std::vector<std::string> texts;
  for (std::size_t c = 0; c < cells.size(); ++c) {
    const auto text = cells[c];
    texts.push_back(text ? "[" + std::string(*text) + "]" : "<missing>");
  }
  return texts;
}

template <typename Read>
std::vector<std::string> read_or_error(RowCells& cells, Read&& read) {
  try {
    read();
    return cells_of(cells);
  } catch (const std::exception& error) {
    return {std::string("error: ") + error.what()};
  }
}

// Compares the cells read from `compact` with those read from its DOM, in every context.
void check_same_cells(const std::string& compact, const std::vector<Column>& columns = kColumns) {
  INFO(compact);
  for (const auto& context : kContexts) {
    RowCells from_dom(columns);
    RowCells from_text(columns);
    const auto expected =
        read_or_error(from_dom, [&] { from_dom.read(Json::parse(compact), context); });
    const auto actual = read_or_error(from_text, [&] { from_text.read_text(compact, context); });
    CHECK(actual == expected);
  }
}

}  // namespace

TEST_CASE("a row read from text has the cells of its DOM", "[row_cells]") {
  for (
      const char* text : {
          // What listings hold.
          R"({"id":"job-1","displayName":"Set the target temperature","status":"complete","progress":{"total":4,"pending":0,"completed":3,"failed":1},"start":"2026-12-06T02:38:21.249Z","data":[{"type":"property","target":"dtmi:a;1","path":"targetTemperature","value":56}],"group":"g-1"})",
          R"({"id":"j","data":[{"type":"PropertyJobData","path":"p","value":"1.10"},{"type":"commandJobData","path":"reboot"},{"type":"JobData"},{"type":"cloudProperty","path":"c","value":true},{"type":"deviceTemplateMigration","template":"dtmi:t;2"},{"type":"x","manifest":"m-1"}]})",
          R"({"id":"j","data":[]})",
          R"({"id":"j","progress":{}})",
          R"({"id":"j","progress":{"total":null,"completed":null,"failed":2}})",
          R"({"id":"j","progress":{"failed":1,"failed":2,"total":9}})",
          R"({"id":"j","progress":{"total":123456789012345678,"completed":999999999999999999}})",
          R"({"id":"j","progress":{"total":1234567890123456789,"failed":1}})",
          R"({"id":"j","progress":{"total":4.0,"completed":3.0}})",
          R"({"id":"j","progress":{"t\u006ftal":5,"total":1}})",
          R"({"id":"j","progress":{"total":-1}})",
          R"({"id":"j","progress":{"total":18446744073709551615}})",
          R"({"id":"j","progress":{"total":"4"}})",
          R"({"id":"j","progress":"odd"})",
          R"({"id":"j","progress":[1,2]})",
          // Scalars of every kind where strings belong.
          R"({"id":12,"displayName":true,"status":null,"start":7,"end":"not a time","group":false})",
          R"({"id":1.5,"displayName":-3,"status":1e3,"start":"2026-12-06T02:38:21Z","group":{"id":"g","displayName":"Group G"}})",
          R"({"id":"0","displayName":"007","status":"10000000000000000000","group":{"id":"g"}})",
          R"({"id":"\u00e9\u0085\u007f","displayName":"tab\there","status":"fa\u001b[31miled","start":"2026-12-06T02:38:21.249\u005a"})",
          // Names: repeated (the parser keeps the last value), escaped, odd.
          R"({"status":"running","id":"first","status":"failed","id":"last"})",
          R"({"st\u0061tus":"failed","status":"running"})",
          R"({"status":"running","st\u0061tus":"failed"})",
          R"({"0":"zero","":"empty","id\"":"quoted"})",
          // Data items the text path leaves to the DOM.
          R"({"data":[{"type":"property","path":"p","value":1.5}]})",
          R"({"data":[{"type":"property","path":"p","value":{"a":[1]}}]})",
          R"({"data":[{"type":"property","path":"p","value":[1,"x"]}]})",
          R"({"data":[{"type":"property","path":"p","value":-7}]})",
          R"({"data":[{"type":"property","path":"p","value":null}]})",
          R"({"data":[{"type":"property","path":"p\u00e9","value":"v\"q"}]})",
          R"({"data":[{"type":"property","path":7,"value":"v"}]})",
          R"({"data":[{"type":"property","template":{"id":"t"}}]})",
          R"({"data":[{"type":1}]})",
          R"({"data":[{"type":"a","type":"commandJobData","path":"x","path":"reboot"}]})",
          R"({"data":[{"t\u0079pe":"command"}]})",
          R"({"data":["text",1,null,{"type":"command"}]})",
          R"({"data":{"type":"odd"}})",
          R"({"data":"odd"})",
          R"({})",
      }) {
    check_same_cells(text);
  }
}

TEST_CASE("text that is not a compact object is read as the parser reads it", "[row_cells]") {
  for (const char* text : {R"({ "id": "spaced", "progress": {"total": 1} })", R"({"id":"a"} )",
                           R"({"id":"unclosed)", R"([{"id":"an array"}])", "5", ""}) {
    check_same_cells(text);
  }
}

TEST_CASE("every object in the fuzzing seeds reads the same from text", "[row_cells]") {
  const std::size_t compared = for_each_seed_object([](const Json& value) {
    check_same_cells(value.dump(-1, ' ', false, Json::error_handler_t::replace));
  });
  CHECK(compared > 100);
}

TEST_CASE("an empty path shows the whole item, read from text as from the DOM", "[row_cells]") {
  // parse_columns() refuses an empty name; a RowCells made with one still reads it right.
  const std::vector<Column> columns{{"", "ITEM", CellKind::text, false},
                                    {"id", "ID", CellKind::text, false}};
  for (const char* text : {R"({"":"x","id":"a"})", R"({"id":"a","progress":{"total":1}})"}) {
    check_same_cells(text, columns);
  }
}

TEST_CASE("a row's cells are its own: the next read replaces them", "[row_cells]") {
  RowCells cells(kColumns);
  cells.read_text(R"({"id":"a","progress":{"total":2,"completed":1}})", kContexts[0]);
  CHECK(cells[0] == std::optional<std::string_view>("a"));
  CHECK(cells[3] == std::optional<std::string_view>("1/2"));
  cells.read_text(R"({"status":"running"})", kContexts[0]);
  CHECK_FALSE(cells[0].has_value());
  CHECK_FALSE(cells[3].has_value());
  CHECK(cells[2] == std::optional<std::string_view>("running"));
}
