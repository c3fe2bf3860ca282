#pragma once
// The text of one cell: what a table, a TSV or a CSV shows for a column of a row.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "output/columns.hpp"
#include "output/time_text.hpp"

namespace iotc::output {

struct CellContext {
  bool relative_times = false;  // "5m ago" on a terminal; the service's RFC 3339 otherwise
  SystemTime now{};
};

// The cell's text, not yet made safe for a terminal; nullopt when the row has no such member.
std::optional<std::string> cell_text(const Column& column, const Json& row,
                                     const CellContext& context);

// A scalar as text: strings as they are, numbers and booleans as JSON writes them, null as "",
// objects and arrays as compact JSON.
std::string plain_text(const Json& value);

// A time cell on a terminal: "5m ago" when `text` is an RFC 3339 time; nullopt otherwise (the
// cell is then the text as sent).
std::optional<std::string> relative_time_text(std::string_view text, const CellContext& context);

// A progress cell: "3/4, 1 failed" (done is completed + failed).
std::string progress_summary(std::int64_t total, std::int64_t completed, std::int64_t failed);

// One item of a job's data array as its cell shows it, read from a DOM or from text: the
// members' texts as plain_text() gives them, but `value` as JSON (a string keeps its quotes:
// "1.10" is not 1.10); nullopt for an absent member, and for a null `value` (a null `path` is
// there, and empty).
struct DataItemParts {
  std::string_view type;                      // "" when absent
  std::optional<std::string_view> migration;  // "template"
  std::optional<std::string_view> manifest;
  std::optional<std::string_view> path;
  std::optional<std::string_view> value;
};
// "property targetTemperature=56", "command reboot", "migrate to dtmi:...".
std::string data_item_text(const DataItemParts& parts);

// A job's data array as people read it: "property targetTemperature=56; command reboot".
std::string job_data_text(const Json& data);

}  // namespace iotc::output
