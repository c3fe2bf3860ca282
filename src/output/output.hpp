#pragma once
// The one object that decides how results and messages reach the user: stdout carries only
// results, in the chosen format and columns; stderr carries messages, progress and errors.

#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>

#include "output/progress.hpp"
#include "output/writers.hpp"

namespace iotc::output {

using Clock = std::function<SystemTime()>;

struct OutputSettings {
  Format format = kDefaultFormat;
  std::optional<std::string> columns;  // --columns, as typed
  bool quiet = false;                  // -q: no messages, no progress; errors still shown
};

class Output {
 public:
  Output(std::ostream& out, std::ostream& err, Terminal terminal, OutputSettings settings,
         Clock clock);

  // Render options for a command whose known columns are `catalog` and whose default columns
  // are `defaults`; --columns replaces the defaults. Throws UsageError on a bad --columns.
  RenderOptions render_options(std::span<const Column> catalog,
                               std::span<const std::string_view> defaults) const;
  std::unique_ptr<ListWriter> list(std::span<const Column> catalog,
                                   std::span<const std::string_view> defaults);
  void record(const Json& record, std::span<const Column> catalog,
              std::span<const std::string_view> defaults);

  // A message for people on stderr ("Created job job-123."), unless --quiet.
  void info(std::string_view message);
  // A warning on stderr, even with --quiet.
  void warning(std::string_view message);
  // "iotc-jobs: error: ..." on stderr.
  void error(std::string_view message);

  // The progress display for a wait; drawn as a bar only when stderr is a terminal. With --quiet
  // nothing is drawn.
  std::unique_ptr<ProgressDisplay> progress();

  std::ostream& out() { return out_; }
  std::ostream& err() { return err_; }
  const Terminal& terminal() const { return terminal_; }
  const OutputSettings& settings() const { return settings_; }
  SystemTime now() const { return clock_(); }

 private:
  std::ostream& out_;
  std::ostream& err_;
  Terminal terminal_;
  OutputSettings settings_;
  Clock clock_;
};

}  // namespace iotc::output
