#pragma once
// Everything a renderer needs to know besides the rows: format, columns and terminal.

#include <vector>

#include "output/cells.hpp"
#include "output/columns.hpp"
#include "output/format.hpp"
#include "output/terminal.hpp"

namespace iotc::output {

struct RenderOptions {
  Format format = kDefaultFormat;
  std::vector<Column> columns;
  Terminal terminal;
  SystemTime now{};

  bool colour() const { return terminal.color; }
  // Relative times and width fitting are for people at a terminal, and only in tables.
  CellContext cell_context() const {
    return CellContext{format == Format::table && terminal.stdout_tty, now};
  }
};

}  // namespace iotc::output
