#pragma once
// Columns: which member of a JSON row a column shows, under which header, rendered how.
// `--columns id,status,progress.failed` names members by dotted path; a name the catalog of the
// command knows gets its header and rendering, any other path is shown as its plain value.

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/job.hpp"

namespace iotc::output {

using Json = iotc::model::Json;

// How a cell is rendered for people (tsv/csv get the same text, without color and with RFC 3339
// times).
enum class CellKind {
  text,      // the value itself; objects and arrays as compact JSON
  status,    // text, colored on a terminal
  time,      // relative on a terminal, as sent otherwise
  progress,  // {"total":4,"completed":2,"failed":1} -> "3/4, 1 failed"
  job_data,  // the data array, summarised: "property targetTemperature=56"
  size,      // batch / threshold: {"type":"percentage","value":25} -> "25%"
  id_list,   // an array of ids as plain text: ["contoso","fabrikam"] -> "contoso, fabrikam"
  named,     // an id, or {"id","displayName"} once a name was looked up: the name, else the id
};

struct Column {
  std::string path;    // dotted JSON path: "id", "progress.failed", "data.0.type"
  std::string header;  // "ID", "FAILED"
  CellKind kind = CellKind::text;
  bool flexible = false;  // may be cut to fit the terminal width
};

// The catalog's entries for `names`, in that order (names the catalog lacks are plain paths).
std::vector<Column> pick_columns(std::span<const Column> catalog,
                                 std::span<const std::string_view> names);

// Parses "id,status,progress.failed"; throws UsageError on an empty spec or an empty name.
std::vector<Column> parse_columns(std::string_view spec, std::span<const Column> catalog);

// The member at a dotted path ("progress.failed", "data.0.path", "data[0].path"), or nullptr.
const Json* find_path(const Json& root, std::string_view path);

// The top-level member a path reads first: "progress" for "progress.failed", "0" for "[0]" (as
// find_path() reads it).
std::string column_root(std::string_view path);

}  // namespace iotc::output
