#pragma once
// The text of one cell: what a table, a TSV or a CSV shows for a column of a row.

#include <optional>
#include <string>

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

// A job's data array as people read it: "property targetTemperature=56; command reboot".
std::string job_data_text(const Json& data);

}  // namespace iotc::output
