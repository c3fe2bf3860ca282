#include "model/schedule_times.hpp"

#include <algorithm>

namespace iotc::model {
namespace {

using std::chrono::days;
using std::chrono::sys_days;

// Occurrence n as the recurrence alone puts it, with no end.
SystemTime unbounded(const Occurrences& rule, std::int64_t n) {
  if (!rule.recurrence) return rule.start;
  switch (*rule.recurrence) {
    case Recurrence::daily:
      return rule.start + days(n);
    case Recurrence::weekly:
      return rule.start + days(7 * n);
    case Recurrence::monthly:
    case Recurrence::unknown:
      break;
  }
  const auto start_day = std::chrono::floor<days>(rule.start);
  const auto time_of_day = rule.start - start_day;
  const std::chrono::year_month_day first{start_day};
  const auto month = std::chrono::year_month(first.year(), first.month()) +
                     std::chrono::months(static_cast<int>(n));
  const auto last =
      std::chrono::year_month_day_last(month.year(), std::chrono::month_day_last(month.month()));
  const std::chrono::year_month_day day{month.year(), month.month(),
                                        std::min(first.day(), last.day())};
  return sys_days(day) + time_of_day;
}

// How many occurrences fall at or before `now` when the schedule has no end.
std::int64_t unbounded_until(const Occurrences& rule, SystemTime now) {
  if (now < rule.start) return 0;
  if (!rule.recurrence) return 1;
  std::int64_t guess = 0;
  switch (*rule.recurrence) {
    case Recurrence::daily:
      guess = std::chrono::floor<days>(now - rule.start).count();
      break;
    case Recurrence::weekly:
      guess = std::chrono::floor<days>(now - rule.start).count() / 7;
      break;
    case Recurrence::monthly:
    case Recurrence::unknown: {
      const std::chrono::year_month_day from{std::chrono::floor<days>(rule.start)};
      const std::chrono::year_month_day to{std::chrono::floor<days>(now)};
      guess = (static_cast<int>(to.year()) - static_cast<int>(from.year())) * 12 +
              (static_cast<int>(static_cast<unsigned>(to.month())) -
               static_cast<int>(static_cast<unsigned>(from.month())));
      break;
    }
  }
  // `guess` is the last occurrence's index, give or take one: settle it exactly.
  while (guess > 0 && unbounded(rule, guess) > now) --guess;
  while (unbounded(rule, guess + 1) <= now) ++guess;
  return guess + 1;
}

}  // namespace

std::optional<Occurrences> occurrences_of(const Schedule& schedule) {
  if (!schedule.start) return std::nullopt;
  const auto start = read_rfc3339(*schedule.start).time;
  if (!start) return std::nullopt;
  Occurrences rule{*start, std::nullopt, std::nullopt, std::nullopt};
  if (schedule.recurrence) {
    const Recurrence recurrence = parse_recurrence(*schedule.recurrence);
    if (recurrence == Recurrence::unknown) return std::nullopt;
    rule.recurrence = recurrence;
  }
  if (schedule.end) {
    const auto& end = *schedule.end;
    if (end.type == "date" && end.date) {
      rule.last_date = read_date(*end.date);
      if (!rule.last_date) return std::nullopt;
    } else if (end.type == "occurrences" && end.occurrences) {
      rule.count = end.occurrences;
    } else {
      return std::nullopt;
    }
  }
  return rule;
}

std::optional<std::int64_t> occurrence_total(const Occurrences& rule) {
  std::optional<std::int64_t> total;
  if (!rule.recurrence) total = 1;
  if (rule.count) total = total ? std::min(*total, *rule.count) : *rule.count;
  if (rule.last_date) {
    const SystemTime last_instant =
        sys_days(*rule.last_date) + days(1) - std::chrono::milliseconds(1);
    const std::int64_t by_date = unbounded_until(rule, last_instant);
    total = total ? std::min(*total, by_date) : by_date;
  }
  return total;
}

std::optional<SystemTime> occurrence(const Occurrences& rule, std::int64_t n) {
  if (n < 0) return std::nullopt;
  if (const auto total = occurrence_total(rule); total && n >= *total) return std::nullopt;
  return unbounded(rule, n);
}

std::int64_t occurrences_until(const Occurrences& rule, SystemTime now) {
  const std::int64_t passed = unbounded_until(rule, now);
  const auto total = occurrence_total(rule);
  return total ? std::min(passed, *total) : passed;
}

}  // namespace iotc::model
