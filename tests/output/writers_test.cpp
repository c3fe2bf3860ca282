#include "output/writers.hpp"

#include <catch2/catch.hpp>
#include <sstream>

#include "output/table.hpp"

using namespace iotc::output;

namespace {
const std::vector<Column> kColumns{
    {"id", "ID", CellKind::text, false},
    {"displayName", "NAME", CellKind::text, true},
    {"status", "STATUS", CellKind::status, false},
};
const Json kRows = Json::parse(R"([
  {"id": "job-1", "displayName": "Set target temperature", "status": "complete", "extra": 1},
  {"id": "job-22", "displayName": "Tab\there, \"quoted\"", "status": "failed"},
  {"id": "job-3", "status": "running"}
])");

RenderOptions options(Format format, bool tty = false, bool color = false, int width = 80) {
  RenderOptions result;
  result.format = format;
  result.columns = kColumns;
  result.terminal.stdout_tty = tty;
  result.terminal.color = color;
  result.terminal.width = width;
  return result;
}

std::string render(const RenderOptions& render_options) {
  std::ostringstream out;
  auto writer = make_list_writer(out, render_options);
  for (const auto& row : kRows) writer->add(row);
  writer->finish();
  return out.str();
}
}  // namespace

TEST_CASE("a table aligns columns and marks missing cells", "[writers]") {
  CHECK(render(options(Format::table)) ==
        "ID      NAME                    STATUS\n"
        "job-1   Set target temperature  complete\n"
        "job-22  Tab\\there, \"quoted\"     failed\n"
        "job-3   -                       running\n");
}

TEST_CASE("on a narrow terminal flexible columns are cut with an ellipsis", "[writers]") {
  const std::string text = render(options(Format::table, true, false, 30));
  CHECK(text.find("Set target …") != std::string::npos);
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) CHECK(line.size() <= 32);  // "…" is 3 bytes
}

TEST_CASE("a colored table: bold headers, colored statuses, dim dashes, padding inside",
          "[writers]") {
  // Width 30 cuts NAME to 12 columns. Escape codes wrap each padded cell, so that they take no
  // columns; only uncolored trailing blanks are trimmed.
  const std::string bold = "\x1b[1m";
  const std::string reset = "\x1b[0m";
  const std::string expected =
      bold + "ID      " + reset + bold + "NAME          " + reset + bold + "STATUS" + reset + "\n" +
      "job-1   Set target \xE2\x80\xA6  \x1b[32mcomplete" + reset + "\n" +
      "job-22  Tab\\there, \xE2\x80\xA6  \x1b[31mfailed" + reset + "\n" +
      "job-3   \x1b[2m-             " + reset + "\x1b[36mrunning" + reset + "\n";
  CHECK(render(options(Format::table, true, true, 30)) == expected);
}

TEST_CASE("color only when asked: statuses colored, headers bold", "[writers]") {
  const std::string colored = render(options(Format::table, true, true));
  CHECK(colored.find("\x1b[32mcomplete") != std::string::npos);
  CHECK(colored.find("\x1b[31mfailed") != std::string::npos);
  CHECK(render(options(Format::table, true, false)).find('\x1b') == std::string::npos);
}

TEST_CASE("json is one array, each item as the service sent it", "[writers]") {
  const std::string text = render(options(Format::json));
  CHECK(Json::parse(text) == kRows);
  CHECK(text.rfind("[\n  {\n    \"id\": \"job-1\"", 0) == 0);
  std::ostringstream empty;
  auto writer = make_list_writer(empty, options(Format::json));
  writer->finish();
  CHECK(empty.str() == "[]\n");
}

TEST_CASE("jsonl is one object per line", "[writers]") {
  const std::string text = render(options(Format::jsonl));
  std::istringstream lines(text);
  std::size_t count = 0;
  for (std::string line; std::getline(lines, line); ++count) {
    CHECK(Json::parse(line) == kRows[count]);
  }
  CHECK(count == 3);
}

TEST_CASE("tsv escapes tabs and has no header, csv quotes and has one", "[writers]") {
  CHECK(render(options(Format::tsv)) ==
        "job-1\tSet target temperature\tcomplete\n"
        "job-22\tTab\\there, \"quoted\"\tfailed\n"
        "job-3\t\trunning\n");
  CHECK(render(options(Format::csv)) ==
        "id,displayName,status\n"
        "job-1,Set target temperature,complete\n"
        "job-22,\"Tab\there, \"\"quoted\"\"\",failed\n"
        "job-3,,running\n");
}

TEST_CASE("tsv doubles a backslash: a backslash before a t is not a tab", "[writers]") {
  for (const bool as_text : {false, true}) {
    std::ostringstream out;
    auto writer = make_list_writer(out, options(Format::tsv));
    const Json row = {{"id", "C:\\t\\x"}, {"displayName", "tab\there"}, {"status", "\\"}};
    if (as_text) {
      writer->add_text(row.dump());
    } else {
      writer->add(row);
    }
    writer->finish();
    CHECK(out.str() == "C:\\\\t\\\\x\ttab\\there\t\\\\\n");
  }
}

TEST_CASE("json output escapes the control characters JSON leaves raw", "[writers]") {
  const Json evil = {{"name",
                      "a\x7f"
                      "b\xC2\x9B"
                      "c\x1b"}};
  const std::string text = json_text(evil, -1);
  CHECK(text == R"({"name":"a\u007fb\u009bc\u001b"})");
  CHECK(Json::parse(text) == evil);
}

TEST_CASE("a record is one field per line in a table", "[writers]") {
  std::ostringstream out;
  write_record(out, kRows[0], options(Format::table));
  CHECK(out.str() ==
        "ID      job-1\n"
        "NAME    Set target temperature\n"
        "STATUS  complete\n");
  std::ostringstream json;
  write_record(json, kRows[0], options(Format::json));
  CHECK(Json::parse(json.str()) == kRows[0]);
}

namespace {
// json_text(value, indent) with every line after the first indented by `margin` more spaces.
std::string indented(const Json& value, int indent, std::size_t margin) {
  std::string text;
  for (char c : json_text(value, indent)) {
    text += c;
    if (c == '\n') text.append(margin, ' ');
  }
  return text;
}
Json nested_arrays(int levels) {
  Json value = Json::array({1, "x"});
  for (int level = 1; level < levels; ++level) value = Json::array({value, level});
  return value;
}
}  // namespace

TEST_CASE("compact JSON text is laid out exactly as the DOM would be", "[writers]") {
  const std::vector<Json> values = {
      kRows,
      Json::parse(R"({"a":{},"b":[],"c":[{}],"d":[[]],"e":{"f":{"g":[1,2,{"h":null}]}}})"),
      Json::parse(R"({"s":"{[}],:\" \\\" \\ \/ \u0000\u001f\n\t","k:{,":["]","\\"]})"),
      // No backslash anywhere: each string is found by its closing quote alone.
      Json::parse(R"({"s":"{[}],: x","t:{,":["]","a,b",""],"":{"u":"}"}})"),
      // Deeper than the precomputed indentation.
      nested_arrays(140),
      Json::parse(R"({"n":[0,-1,1.5,-0.0,1e300,18446744073709551615,true,false,null]})"),
      Json{{"name",
            "a\x7f"
            "b\xC2\x9B"
            "c\xC2\xA0"
            "é日本"}},
      Json::parse(R"([1,"two",[],{}])"),
      Json::parse(R"({})"),
      Json::parse(R"([])"),
      Json("just a string"),
      Json(42),
  };
  for (const auto& value : values) {
    const std::string compact = value.dump();
    INFO(compact);
    for (int indent : {-1, 0, 2, 4}) {
      for (std::size_t margin : {0, 2}) {
        CHECK(compact_json_text(compact, indent, margin) ==
              indented(value, indent, indent < 0 ? 0 : margin));
      }
    }
  }
}

TEST_CASE("every writer prints an item's compact text as it prints the item", "[writers]") {
  for (Format format : {Format::json, Format::jsonl, Format::tsv, Format::csv, Format::table}) {
    std::ostringstream from_text;
    auto writer = make_list_writer(from_text, options(format));
    for (const auto& row : kRows) writer->add_text(row.dump());
    writer->finish();
    CHECK(from_text.str() == render(options(format)));
    CHECK(writer->count() == kRows.size());
    CHECK(writer->takes_text());
  }
}

TEST_CASE("compact text with DEL and C1 controls is escaped as the DOM's text is", "[writers]") {
  const Json evil = {{"name",
                      "a\x7f"
                      "b\xC2\x9B"
                      "c\xC2\xA0\\\x7f\"\xC2\x85"},
                     {"\x7fkey", {1, "\xC2\x80"}}};
  for (Format format : {Format::json, Format::jsonl}) {
    std::ostringstream from_json;
    std::ostringstream from_text;
    auto json_writer = make_list_writer(from_json, options(format));
    auto text_writer = make_list_writer(from_text, options(format));
    for (int i = 0; i < 2; ++i) {
      json_writer->add(evil);
      text_writer->add_text(evil.dump());
    }
    json_writer->finish();
    text_writer->finish();
    CHECK(from_text.str() == from_json.str());
    CHECK(from_text.str().find('\x7f') == std::string::npos);
    CHECK(from_text.str().find("\\u0085") != std::string::npos);
  }
  CHECK(compact_json_text(evil.dump(), 2) == json_text(evil, 2));
}

TEST_CASE("table, tsv and csv print hostile items read as text as they print the DOM",
          "[writers]") {
  const std::vector<Column> columns{
      {"id", "ID", CellKind::text, false},
      {"status", "STATUS", CellKind::status, false},
      {"progress", "PROGRESS", CellKind::progress, false},
      {"data", "DATA", CellKind::job_data, true},
      {"batch", "BATCH", CellKind::size, false},
      {"start", "STARTED", CellKind::time, false},
      {"progress.failed", "FAILED", CellKind::text, false},
      {"data[0].value", "VALUE", CellKind::text, false},
      {"n.2", "N", CellKind::text, false},
  };
  const Json rows = Json::parse(R"([
    {"id": "$(rm -rf ~); `id` | x", "status": "fa\u001b[31miled", "extra": {"id": "not this"},
     "progress": {"total": 9223372036854775807, "completed": 1.0, "failed": 9223372036854775807},
     "data": [{"type": "propertyJobData", "path": "p\ttab", "value": "1.10"},
              {"type": "command", "path": "reboot", "value": {"delay": 1e3}}],
     "batch": {"type": "percentage", "value": 12.5, "batch": true},
     "start": "2026-12-06T02:38:21.249Z", "n": [0, -0.5, 99999999999999999999]},
    {"id": "\u00e9\u0085\u007f \"q\" \\ ,; \r\n", "progress": "odd", "data": "odd", "batch": 3,
     "n": {"2": "an object member named 2"}},
    {"status": null, "id": 7, "data": [], "progress": {}, "start": 1},
    {}
  ])");
  for (Format format : {Format::tsv, Format::csv, Format::table}) {
    for (bool tty : {false, true}) {
      RenderOptions render_options = options(format, tty, tty, 60);
      render_options.columns = columns;
      std::ostringstream from_dom;
      std::ostringstream from_text;
      auto dom_writer = make_list_writer(from_dom, render_options);
      auto text_writer = make_list_writer(from_text, render_options);
      for (const auto& row : rows) {
        dom_writer->add(row);
        text_writer->add_text(row.dump());
      }
      dom_writer->finish();
      text_writer->finish();
      CHECK(from_text.str() == from_dom.str());
    }
  }
  // Counts that are not counts (beyond int64, negative) are a malformed answer on both paths.
  for (const char* progress : {R"({"total": 18446744073709551615})", R"({"failed": -2})"}) {
    RenderOptions render_options = options(Format::tsv, false, false, 60);
    render_options.columns = columns;
    std::ostringstream out;
    auto writer = make_list_writer(out, render_options);
    const Json row = {{"id", "j"}, {"progress", Json::parse(progress)}};
    CHECK_THROWS_WITH(writer->add(row), Catch::Contains("not a count of devices"));
    CHECK_THROWS_WITH(writer->add_text(row.dump()), Catch::Contains("not a count of devices"));
  }
}
