#include "output/writers.hpp"

#include <algorithm>
#include <vector>

#include "output/json_layout.hpp"
#include "output/row_cells.hpp"
#include "output/selection.hpp"
#include "output/style.hpp"
#include "output/table.hpp"
#include "output/text.hpp"

namespace iotc::output {
namespace {

// TSV: tab, newline and backslash escaped, so that one row stays one line.
void append_tsv_field(std::string& line, std::string_view text) {
  if (text.find('\\') == std::string_view::npos) {
    append_neutralized(line, text);
    return;
  }
  std::string escaped;
  for (char c : text) {
    if (c == '\\') {
      escaped += "\\\\";
    } else {
      escaped += c;
    }
  }
  append_neutralized(line, escaped);
}

// CSV (RFC 4180): a field's bytes as they are, quoted when it holds a comma, a quote, a line
// break or any other control character (so that a reader sees where it ends); quotes doubled.
// A spreadsheet gets the exact text; only TSV, a line-per-row format, escapes.
void append_csv_field(std::string& line, std::string_view text) {
  const bool plain = std::none_of(text.begin(), text.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return c == ',' || c == '"' || byte < 0x20 || byte == 0x7F;
  });
  if (plain) {
    line += text;
    return;
  }
  line += '"';
  for (char c : text) {
    if (c == '"') line += '"';
    line += c;
  }
  line += '"';
}

// Appends field number `index` of a TSV or CSV line, after its separator.
void append_field(std::string& line, std::size_t index, std::string_view text, Format format) {
  if (index > 0) line += format == Format::csv ? ',' : '\t';
  if (format == Format::csv) {
    append_csv_field(line, text);
  } else {
    append_tsv_field(line, text);
  }
}

// The writers of cells read items as text: only the members their columns read are parsed
// (row_cells.hpp).
class CellWriter : public ListWriter {
 public:
  explicit CellWriter(const RenderOptions& options) : options_(options), cells_(options_.columns) {}
  void add(const Json& item) final {
    cells_.read(item, options_.cell_context());
    ++count_;
    add_row(cells_);
  }
  void add_text(std::string_view compact_json) final {
    cells_.read_text(compact_json, options_.cell_context());
    ++count_;
    add_row(cells_);
  }
  bool takes_text() const final { return true; }

 protected:
  virtual void add_row(const RowCells& cells) = 0;
  RenderOptions options_;

 private:
  RowCells cells_;
};

class TableWriter : public CellWriter {
 public:
  TableWriter(std::ostream& out, const RenderOptions& options)
      : CellWriter(options), out_(out), rows_(options.columns.size()) {}
  void finish() override {
    if (count_ == 0) return;  // no header over nothing: the command says "No ... found."
    const std::size_t width =
        options_.terminal.stdout_tty ? static_cast<std::size_t>(options_.terminal.width) : 0;
    print_table(out_, options_.columns, rows_, width, options_.color());
    out_.flush();
  }

 protected:
  void add_row(const RowCells& cells) override {
    for (std::size_t c = 0; c < cells.size(); ++c) rows_.add_cell(cells[c]);
  }

 private:
  std::ostream& out_;
  TableRows rows_;
};

// Streaming writers leave flushing to the stream's buffer (and to finish()): a flush per item
// would cost one write(2) per line, 100,000 of them for a large job's devices.

// "[\n  {...},\n  {...}\n]": one array, written item by item.
class JsonArrayWriter : public ListWriter {
 public:
  explicit JsonArrayWriter(std::ostream& out) : out_(out) {}
  // The item nests one level deeper inside the array: each of its lines is indented by two more.
  void add(const Json& item) override {
    add_text(item.dump(-1, ' ', false, Json::error_handler_t::replace));
  }
  void add_text(std::string_view compact_json) override {
    ++count_;
    text_ = first_ ? "[\n  " : ",\n  ";
    first_ = false;
    append_json_layout(text_, compact_json, kIndent, kIndent);
    out_.write(text_.data(), static_cast<std::streamsize>(text_.size()));
  }
  bool takes_text() const override { return true; }
  void finish() override {
    out_ << (first_ ? "[]\n" : "\n]\n");
    out_.flush();
  }

 private:
  static constexpr int kIndent = 2;
  std::ostream& out_;
  bool first_ = true;
  std::string text_;  // one item's text, kept to reuse its allocation
};

class JsonLinesWriter : public ListWriter {
 public:
  explicit JsonLinesWriter(std::ostream& out) : out_(out) {}
  void add(const Json& item) override {
    add_text(item.dump(-1, ' ', false, Json::error_handler_t::replace));
  }
  void add_text(std::string_view compact_json) override {
    ++count_;
    line_.clear();
    append_terminal_safe(line_, compact_json);
    line_ += '\n';
    out_.write(line_.data(), static_cast<std::streamsize>(line_.size()));
  }
  bool takes_text() const override { return true; }
  void finish() override { out_.flush(); }

 private:
  std::ostream& out_;
  std::string line_;  // kept to reuse its allocation
};

// TSV has no header row (each line is data, for `cut` and `read`); CSV has one, as spreadsheets
// expect.
class DelimitedWriter : public CellWriter {
 public:
  DelimitedWriter(std::ostream& out, const RenderOptions& options)
      : CellWriter(options), out_(out) {
    if (options_.format == Format::csv) {
      for (std::size_t c = 0; c < options_.columns.size(); ++c) {
        append_field(line_, c, options_.columns[c].path, Format::csv);
      }
      write_line();
    }
  }
  void finish() override { out_.flush(); }

 protected:
  void add_row(const RowCells& cells) override {
    for (std::size_t c = 0; c < cells.size(); ++c) {
      append_field(line_, c, cells[c].value_or(""), options_.format);
    }
    write_line();
  }

 private:
  void write_line() {
    line_ += '\n';
    out_.write(line_.data(), static_cast<std::streamsize>(line_.size()));
    line_.clear();
  }

  std::ostream& out_;
  std::string line_;  // kept to reuse its allocation
};

// --columns with a JSON format: each item cut down to the named members, then written by the
// JSON writer. Items are read as a DOM (no text pass-through), since members must be picked.
class SelectingWriter : public ListWriter {
 public:
  SelectingWriter(std::unique_ptr<ListWriter> inner, std::vector<Column> columns)
      : inner_(std::move(inner)), columns_(std::move(columns)) {}
  void add(const Json& item) override {
    ++count_;
    inner_->add(select_members(item, columns_));
  }
  void finish() override { inner_->finish(); }

 private:
  std::unique_ptr<ListWriter> inner_;
  std::vector<Column> columns_;
};

}  // namespace

std::string json_text(const Json& value, int indent) {
  std::string out;
  append_terminal_safe(out, value.dump(indent, ' ', false, Json::error_handler_t::replace));
  return out;
}

std::string compact_json_text(std::string_view compact_json, int indent, std::size_t margin) {
  std::string out;
  append_json_layout(out, compact_json, indent, margin);
  return out;
}

std::unique_ptr<ListWriter> make_list_writer(std::ostream& out, const RenderOptions& options) {
  const auto json_writer = [&](std::unique_ptr<ListWriter> writer) -> std::unique_ptr<ListWriter> {
    if (!options.select_members) return writer;
    return std::make_unique<SelectingWriter>(std::move(writer), options.columns);
  };
  switch (options.format) {
    case Format::json:
      return json_writer(std::make_unique<JsonArrayWriter>(out));
    case Format::jsonl:
      return json_writer(std::make_unique<JsonLinesWriter>(out));
    case Format::tsv:
    case Format::csv:
      return std::make_unique<DelimitedWriter>(out, options);
    case Format::table:
      break;
  }
  return std::make_unique<TableWriter>(out, options);
}

void write_record(std::ostream& out, const Json& record, const RenderOptions& options) {
  const auto selected = [&] {
    return options.select_members ? select_members(record, options.columns) : record;
  };
  switch (options.format) {
    case Format::json:
      out << json_text(selected(), 2) << '\n';
      break;
    case Format::jsonl:
      out << json_text(selected(), -1) << '\n';
      break;
    case Format::tsv:
    case Format::csv: {
      auto writer = make_list_writer(out, options);
      writer->add(record);
      writer->finish();
      break;
    }
    case Format::table: {
      // One line per field: the headers become a first column.
      RowCells cells(options.columns);
      cells.read(record, options.cell_context());
      std::size_t header_width = 0;
      for (const auto& column : options.columns) {
        header_width = std::max(header_width, display_width(column.header));
      }
      for (std::size_t c = 0; c < options.columns.size(); ++c) {
        if (!cells[c]) continue;
        const auto& column = options.columns[c];
        std::string value = neutralize_controls(*cells[c]);
        if (column.kind == CellKind::status) value = color_status(value, value, options.color());
        out << bold(pad_right(column.header, header_width + kColumnGap), options.color()) << value
            << '\n';
      }
      break;
    }
  }
  out.flush();
}

}  // namespace iotc::output
