#pragma once
// The progress of a job being waited for, on stderr: a bar redrawn in place on a terminal, one
// plain line per change otherwise (CI logs keep every line, so nothing is drawn twice there).

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

namespace iotc::output {

struct ProgressSnapshot {
  std::string job_id;
  std::string status;
  // Device counts, from the job's progress or counted from its devices; absent when unknown.
  std::optional<std::int64_t> total;
  std::int64_t completed = 0;
  std::int64_t failed = 0;

  bool operator==(const ProgressSnapshot&) const = default;
};

inline constexpr int kMaxBarWidth = 40;
inline constexpr int kMinBarWidth = 10;

class ProgressDisplay {
 public:
  ProgressDisplay(std::ostream& err, bool tty, bool color, int width);
  ProgressDisplay(const ProgressDisplay&) = delete;
  ProgressDisplay& operator=(const ProgressDisplay&) = delete;
  ~ProgressDisplay();

  // Draws the bar on a terminal; elsewhere writes a line when the snapshot changed. True when a
  // line was written for a log (not a terminal).
  bool update(const ProgressSnapshot& snapshot);
  // A line of its own, e.g. that polls are failing: below the bar on a terminal (redrawn by
  // the next update), as one more line in a log.
  void message(std::string_view line);
  // Whether lines go to a log rather than a terminal: a log gets a heartbeat when nothing
  // changes, a terminal's bar shows that the wait goes on.
  bool is_log() const { return !tty_; }
  // Ends the bar's line on a terminal; harmless to call twice.
  void finish();

  // Exposed for tests: the texts drawn for a snapshot.
  std::string bar_line(const ProgressSnapshot& snapshot) const;
  static std::string plain_line(const ProgressSnapshot& snapshot);

 private:
  std::ostream& err_;
  bool tty_;
  bool color_;
  int width_;
  std::optional<ProgressSnapshot> last_;
  bool drawn_ = false;
};

}  // namespace iotc::output
