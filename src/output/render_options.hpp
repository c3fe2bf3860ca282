#pragma once
// Everything a renderer needs to know besides the rows: format, columns and terminal.

#include <functional>
#include <vector>

#include "output/cells.hpp"
#include "output/columns.hpp"
#include "output/format.hpp"
#include "output/terminal.hpp"

namespace iotc::output {

struct RenderOptions {
  Format format = kDefaultFormat;
  std::vector<Column> columns;
  // --columns was given: the JSON formats keep only the members it names (selection.hpp).
  bool select_members = false;
  Terminal terminal;
  SystemTime now{};
  // When set, read instead of `now` each time rows are rendered: a list writer is made before
  // the first page arrives, and the service's clock is known only from its answers.
  std::function<SystemTime()> clock;

  bool color() const { return terminal.color; }
  // Relative times and width fitting are for people at a terminal, and only in tables.
  CellContext cell_context() const {
    return CellContext{format == Format::table && terminal.stdout_tty, clock ? clock() : now};
  }
};

}  // namespace iotc::output
