#include "output/progress.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "model/count.hpp"
#include "output/style.hpp"
#include "output/text.hpp"

namespace iotc::output {
namespace {
constexpr std::string_view kFull = "\xE2\x96\x88";   // U+2588 full block
constexpr std::string_view kEmpty = "\xE2\x96\x91";  // U+2591 light shade
constexpr std::string_view kClearLine = "\r\x1b[K";

std::string counts_text(const ProgressSnapshot& snapshot) {
  if (!snapshot.total) return {};
  std::string text = fmt::format(
      "{}/{} devices", model::count_sum(snapshot.completed, snapshot.failed), *snapshot.total);
  if (snapshot.failed > 0) text += fmt::format(", {} failed", snapshot.failed);
  return text;
}
}  // namespace

ProgressDisplay::ProgressDisplay(std::ostream& err, bool tty, bool color, int width)
    : err_(err), tty_(tty), color_(color), width_(width) {}

ProgressDisplay::~ProgressDisplay() {
  finish();
}

std::string ProgressDisplay::plain_line(const ProgressSnapshot& snapshot) {
  std::string line =
      neutralize_controls(snapshot.job_id) + ": " + neutralize_controls(snapshot.status);
  const std::string counts = counts_text(snapshot);
  if (!counts.empty()) line += ", " + counts;
  return line;
}

std::string ProgressDisplay::bar_line(const ProgressSnapshot& snapshot) const {
  const std::string id = neutralize_controls(snapshot.job_id);
  const std::string status = neutralize_controls(snapshot.status);
  const std::string counts = counts_text(snapshot);
  const int fixed =
      static_cast<int>(display_width(id) + display_width(status) + display_width(counts)) + 8;
  const int bar_width = std::clamp(width_ - fixed - 1, kMinBarWidth, kMaxBarWidth);
  int filled = 0;
  if (snapshot.total && *snapshot.total > 0) {
    // As a ratio: the service's counts times the width could pass int64.
    const double done = static_cast<double>(model::count_sum(snapshot.completed, snapshot.failed));
    const double ratio = std::min(1.0, done / static_cast<double>(*snapshot.total));
    filled = std::clamp(static_cast<int>(ratio * bar_width), 0, bar_width);
  }
  std::string bar;
  for (int i = 0; i < bar_width; ++i) bar += i < filled ? kFull : kEmpty;
  std::string line = id + "  " + color_status(snapshot.status, status, color_) + "  " +
                     (snapshot.failed > 0 ? red(bar, color_) : bar);
  if (!counts.empty()) line += "  " + counts;
  return line;
}

bool ProgressDisplay::update(const ProgressSnapshot& snapshot) {
  bool logged = false;
  if (tty_) {
    err_ << kClearLine << bar_line(snapshot) << std::flush;
    drawn_ = true;
  } else if (!last_ || *last_ != snapshot) {
    err_ << plain_line(snapshot) << '\n' << std::flush;
    logged = true;
  }
  last_ = snapshot;
  return logged;
}

void ProgressDisplay::message(std::string_view line) {
  if (tty_ && drawn_) err_ << kClearLine;
  err_ << neutralize_controls(line) << '\n' << std::flush;
  drawn_ = false;
}

void ProgressDisplay::finish() {
  if (tty_ && drawn_) err_ << '\n' << std::flush;
  drawn_ = false;
}

}  // namespace iotc::output
