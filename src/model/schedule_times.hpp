#pragma once
// When a schedule's occurrences fall: the start, then every day, week or month after it, until
// the end date (inclusive, UTC) or the number of occurrences. One rule for the emulator, which
// runs them, and the CLI, which tells them in words.

#include <chrono>
#include <cstdint>
#include <optional>

#include "model/scheduled_job.hpp"
#include "model/time_point.hpp"

namespace iotc::model {

struct Occurrences {
  SystemTime start;
  std::optional<Recurrence> recurrence;            // none: once
  std::optional<std::int64_t> count;               // end by occurrences
  std::optional<std::chrono::sys_days> last_date;  // end by date: the last day that may run
};

// The rule of a valid schedule; nullopt when its start or end cannot be read.
std::optional<Occurrences> occurrences_of(const Schedule& schedule);

// The time of occurrence `n` (0: the start), or nullopt when the schedule ends before it. A
// monthly occurrence keeps the start's day of month, or the month's last day when it is shorter
// (a start on the 31st runs on 30 April and 28 February).
std::optional<SystemTime> occurrence(const Occurrences& rule, std::int64_t n);

// How many occurrences fall at or before `now`.
std::int64_t occurrences_until(const Occurrences& rule, SystemTime now);

// The number of occurrences in all, or nullopt when it never ends.
std::optional<std::int64_t> occurrence_total(const Occurrences& rule);

}  // namespace iotc::model
