#pragma once
// Cells read straight from a top-level member's compact JSON text, without a DOM, for the values
// a listing is made of: plain strings, small integers, literals, a progress object of counts, a
// data array of flat objects. The text is what cell_text() shows for the parsed value; anything
// else (an escape, a float, a nested value where a scalar goes) is left to the DOM.

#include <string>
#include <string_view>
#include <vector>

#include "output/cells.hpp"
#include "output/columns.hpp"
#include "output/json_members.hpp"

namespace iotc::output {

class TextCells {
 public:
  // Appends the cell of a column of `kind` that reads a top-level member whose value's text is
  // `value` and returns true; returns false, `out` unchanged, when the value needs a DOM.
  bool append(std::string& out, CellKind kind, std::string_view value, const CellContext& context);

 private:
  bool append_progress(std::string& out, std::string_view value);
  bool append_data(std::string& out, std::string_view value);
  bool append_data_item(std::string& out, std::string_view item);

  std::vector<MemberText> members_;  // kept to reuse their allocations
  std::vector<MemberText> items_;
};

}  // namespace iotc::output
