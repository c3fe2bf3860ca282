#include "cli/schedule_common.hpp"

#include <CLI/CLI.hpp>
#include <charconv>
#include <cstdio>

#include "cli/catalogs.hpp"
#include "cli/values.hpp"
#include "errors.hpp"
#include "model/schedule_times.hpp"
#include "model/time_point.hpp"
#include "model/validation.hpp"

namespace iotc::cli {
namespace schedule_common {

constexpr std::int64_t kMaxOccurrences = 999;  // the spec's maximum

// The start's text resolved: an RFC 3339 time as it is, "now" or "now+DURATION" from `now`.
// nullopt `now` only checks the text.
std::optional<std::chrono::system_clock::time_point> read_start(
    const std::string& text, std::optional<std::chrono::system_clock::time_point> now) {
  if (text == "now" || text.starts_with("now+")) {
    std::chrono::milliseconds offset{0};
    if (text != "now") offset = parse_duration_flag("--start", std::string_view(text).substr(4));
    if (!now) return std::nullopt;
    return *now + offset;
  }
  const model::ParsedTime parsed = model::read_rfc3339(text);
  if (parsed.missing_zone) {
    throw UsageError("--start: '" + text + "' has no zone: add Z or an offset (" + text + "Z, or " +
                     text + "+01:00)");
  }
  if (parsed.out_of_range) {
    throw UsageError("--start: '" + text + "' is not in the years " + model::years_text());
  }
  if (!parsed.time) {
    throw UsageError("--start: '" + text +
                     "' is not a time: give RFC 3339 with Z or an offset "
                     "(2026-12-06T02:00:00Z) or now+DURATION (now+1h)");
  }
  return parsed.time;
}

std::int64_t read_occurrences(const std::string& text) {
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < 1 ||
      value > kMaxOccurrences) {
    throw UsageError("--occurrences: '" + text + "' is not a whole number from 1 to 999");
  }
  return value;
}

std::chrono::sys_days read_until(const std::string& text) {
  const auto date = model::read_date(text);
  if (!date) {
    throw UsageError("--until: '" + text + "' is not a date such as 2026-12-31 (years " +
                     model::years_text() + ")");
  }
  return *date;
}

// "2026-12-06 02:00"
std::string minute_text(std::chrono::system_clock::time_point time) {
  const std::string text = model::format_utc(time);
  return text.substr(0, 10) + " " + text.substr(11, 5);
}

std::string when_text(const model::Occurrences& rule) {
  const std::string start = minute_text(rule.start);
  const std::string at = "at " + start.substr(11) + " UTC";
  if (!rule.recurrence) return "once, " + start + " UTC";
  switch (*rule.recurrence) {
    case model::Recurrence::daily:
      return "daily " + at;
    case model::Recurrence::weekly: {
      static constexpr const char* kDays[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                              "Thursday", "Friday", "Saturday"};
      const std::chrono::weekday day{std::chrono::floor<std::chrono::days>(rule.start)};
      return "weekly on " + std::string(kDays[day.c_encoding()]) + " " + at;
    }
    case model::Recurrence::monthly:
    case model::Recurrence::unknown:
      break;
  }
  const std::chrono::year_month_day date{std::chrono::floor<std::chrono::days>(rule.start)};
  return "monthly on day " + std::to_string(static_cast<unsigned>(date.day())) + " " + at;
}

}  // namespace schedule_common

api::ScheduleClient schedule_client(Context& context) {
  const auto version = context.api_version();
  if (!model::has_scheduled_jobs(version)) {
    throw UsageError("scheduled jobs do not exist in api-version " +
                     std::string(model::to_string(version)) +
                     ": use --api-version 2022-07-31 or 2022-10-31-preview");
  }
  return api::ScheduleClient(context.client());
}

CLI::Option* check_schedule_id(CLI::Option* option) {
  return option->check(CLI::Validator(
      [](const std::string& id) -> std::string {
        if (model::is_valid_job_id(id)) return {};
        return "'" + id + "' is not a scheduled job id (" + model::kScheduleIdRule + ")";
      },
      ""));
}

void add_schedule_flags(CLI::App& command, ScheduleFlags& flags, bool update) {
  const char* group = "Schedule";
  command
      .add_option("--start", flags.start,
                  "TIME: the first run, RFC 3339 with Z or an offset, or now+DURATION")
      ->group(group);
  std::vector<std::string> every = {"daily", "weekly", "monthly"};
  if (update) every.emplace_back("once");
  command
      .add_option("--every", flags.every,
                  update ? "daily, weekly or monthly; once: no recurrence"
                         : "daily, weekly or monthly (default: once)")
      ->check(CLI::IsMember(every))
      ->group(group);
  auto* until =
      command.add_option("--until", flags.until, "DATE: the last day it runs (UTC)")->group(group);
  command.add_option("--occurrences", flags.occurrences, "N: run N times in all (1 to 999)")
      ->excludes(until)
      ->group(group);
}

void check_schedule_flags(const ScheduleFlags& flags) {
  if (flags.start) schedule_common::read_start(*flags.start, std::nullopt);
  if (flags.until) schedule_common::read_until(*flags.until);
  if (flags.occurrences) schedule_common::read_occurrences(*flags.occurrences);
}

model::Json schedule_members(const ScheduleFlags& flags,
                             std::chrono::system_clock::time_point now) {
  model::Json schedule = model::Json::object();
  if (flags.start)
    schedule["start"] = model::format_utc(*schedule_common::read_start(*flags.start, now));
  if (flags.every) {
    schedule["recurrence"] = *flags.every == "once" ? model::Json() : model::Json(*flags.every);
  }
  if (flags.until) {
    schedule["end"] = {{"type", "date"},
                       {"date", model::format_date(schedule_common::read_until(*flags.until))},
                       {"occurrences", nullptr}};
  } else if (flags.occurrences) {
    schedule["end"] = {{"type", "occurrences"},
                       {"occurrences", schedule_common::read_occurrences(*flags.occurrences)},
                       {"date", nullptr}};
  }
  return schedule;
}

std::string schedule_in_words(const model::ScheduledJob& scheduled,
                              std::chrono::system_clock::time_point now) {
  if (!scheduled.schedule) return "no schedule";
  const auto rule = model::occurrences_of(*scheduled.schedule);
  if (!rule) return "a schedule this version cannot read";
  std::string text = schedule_common::when_text(*rule);
  if (rule->last_date) text += ", until " + model::format_date(*rule->last_date);
  const std::int64_t passed = model::occurrences_until(*rule, now);
  const auto next = model::occurrence(*rule, passed);
  if (scheduled.completed.value_or(false) || !next) {
    text += ", completed";
  } else if (!scheduled.enabled.value_or(false)) {
    text += ", disabled";
  } else {
    text += ", next " + schedule_common::minute_text(*next);
  }
  const auto total = model::occurrence_total(*rule);
  text += ", " + std::to_string(passed) + (total ? " of " + std::to_string(*total) : "") +
          (passed == 1 && !total ? " run done" : " runs done");
  return text;
}

model::Json schedule_row(Context& context, const model::Json& raw) {
  const auto format = context.output().settings().format;
  if (format == output::Format::json || format == output::Format::jsonl) return raw;
  model::Json row = raw;
  model::Problems ignored;
  row["when"] =
      schedule_in_words(model::scheduled_job_from_json(raw, ignored), context.service_now());
  return row;
}

void print_schedule(Context& context, const model::Json& raw) {
  auto& output = context.output();
  const bool table = output.settings().format == output::Format::table;
  output.record(schedule_row(context, raw), schedule_catalog(),
                table ? schedule_detail_columns() : schedule_list_columns());
}

}  // namespace iotc::cli
