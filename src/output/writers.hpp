#pragma once
// Renderers for lists (streamed row by row) and single records, in every output format.
//
// json, jsonl, tsv and csv write each row as it comes, so that a listing of 100,000 jobs never
// holds more than one page in memory; a table waits for its last row to align the columns.

#include <memory>
#include <ostream>
#include <string>
#include <string_view>

#include "output/render_options.hpp"

namespace iotc::output {

class ListWriter {
 public:
  virtual ~ListWriter() = default;
  // One item of the list: a JSON object as the service sent it.
  virtual void add(const Json& item) = 0;
  // The same item as compact JSON text (what Json::dump() writes for it): the JSON writers print
  // it without a DOM, the table, tsv and csv writers parse only the members their columns read.
  virtual void add_text(std::string_view compact_json) { add(Json::parse(compact_json)); }
  // True when add_text() costs less than a DOM of the item: worth reading pages as text.
  virtual bool takes_text() const { return false; }
  // Ends the list (closes the JSON array, prints the table; an empty table prints nothing).
  virtual void finish() = 0;
  // Items added so far.
  std::size_t count() const { return count_; }

 protected:
  std::size_t count_ = 0;
};

std::unique_ptr<ListWriter> make_list_writer(std::ostream& out, const RenderOptions& options);

// One object (show, a created job, a summary). table: one "FIELD  value" line per column;
// json: the object, indented; jsonl: the object on one line; tsv/csv: one row of the columns.
void write_record(std::ostream& out, const Json& record, const RenderOptions& options);

// JSON text safe for a terminal and valid for a parser: control characters that JSON leaves
// raw (DEL, U+0080..U+009F) are written as \u escapes, invalid UTF-8 as U+FFFD.
std::string json_text(const Json& value, int indent);

// json_text() from compact JSON text (Json::dump() with no indent) without parsing it: with
// indent >= 0, laid out as Json::dump(indent) lays it out, every line after the first indented
// by `margin` more spaces.
std::string compact_json_text(std::string_view compact_json, int indent, std::size_t margin = 0);

}  // namespace iotc::output
