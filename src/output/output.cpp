#include "output/output.hpp"

#include <sstream>

#include "output/style.hpp"
#include "output/text.hpp"

namespace iotc::output {
namespace {
constexpr std::string_view kProgramName = "iotc-jobs";
}  // namespace

Output::Output(std::ostream& out, std::ostream& err, Terminal terminal, OutputSettings settings,
               Clock clock)
    : out_(out),
      err_(err),
      terminal_(terminal),
      settings_(std::move(settings)),
      clock_(std::move(clock)) {}

RenderOptions Output::render_options(std::span<const Column> catalog,
                                     std::span<const std::string_view> defaults) const {
  RenderOptions options;
  options.format = settings_.format;
  options.terminal = terminal_;
  options.now = clock_();
  options.clock = clock_;
  options.columns = settings_.columns ? parse_columns(*settings_.columns, catalog)
                                      : pick_columns(catalog, defaults);
  options.select_members = settings_.columns.has_value();
  return options;
}

std::unique_ptr<ListWriter> Output::list(std::span<const Column> catalog,
                                         std::span<const std::string_view> defaults) {
  return make_list_writer(out_, render_options(catalog, defaults));
}

void Output::record(const Json& record, std::span<const Column> catalog,
                    std::span<const std::string_view> defaults) {
  write_record(out_, record, render_options(catalog, defaults));
}

void Output::info(std::string_view message) {
  if (settings_.quiet) return;
  err_ << neutralize_controls(message) << '\n' << std::flush;
}

void Output::warning(std::string_view message) {
  err_ << kProgramName << ": warning: " << neutralize_controls(message) << '\n' << std::flush;
}

void Output::error(std::string_view message) {
  // Line breaks in our own messages (a list of problems) are kept; anything else is neutralised.
  std::string safe;
  std::size_t start = 0;
  while (start <= message.size()) {
    auto stop = message.find('\n', start);
    if (stop == std::string_view::npos) stop = message.size();
    if (start > 0) safe += '\n';
    safe += neutralize_controls(message.substr(start, stop - start));
    start = stop + 1;
  }
  err_ << red(std::string(kProgramName) + ": error: ", terminal_.stderr_color) << safe << '\n'
       << std::flush;
}

std::unique_ptr<ProgressDisplay> Output::progress() {
  if (settings_.quiet) return nullptr;
  return std::make_unique<ProgressDisplay>(err_, terminal_.stderr_tty, terminal_.stderr_color,
                                           terminal_.width);
}

}  // namespace iotc::output
