#include "model/scheduled_job.hpp"

#include "model/job_json.hpp"
#include "model/json_reader.hpp"

namespace iotc::model {
namespace {

// The members a ScheduledJob adds to a Job's: read here, and taken out of the job's extra.
constexpr std::string_view kScheduleMembers[] = {"schedule", "enabled", "completed", "etag"};

ScheduleEnd end_from_json(const Json& json, Problems& problems) {
  JsonReader reader(json, "schedule.end", problems);
  ScheduleEnd end;
  end.type = reader.string("type");
  end.date = reader.string("date");
  end.occurrences = reader.count("occurrences");
  end.extra = reader.unread();
  return end;
}

Schedule schedule_from_json(const Json& json, Problems& problems) {
  JsonReader reader(json, "schedule", problems);
  Schedule schedule;
  schedule.start = reader.string("start");
  schedule.recurrence = reader.string("recurrence");
  if (const Json* end = reader.object("end")) schedule.end = end_from_json(*end, problems);
  schedule.extra = reader.unread();
  return schedule;
}

void merge_extra(Json& out, const Json& extra) {
  for (const auto& [key, value] : extra.items()) {
    if (!out.contains(key)) out[key] = value;
  }
}

Json schedule_to_json(const Schedule& schedule) {
  Json out = Json::object();
  if (schedule.start) out["start"] = *schedule.start;
  if (schedule.recurrence) out["recurrence"] = *schedule.recurrence;
  if (schedule.end) {
    const ScheduleEnd& end = *schedule.end;
    Json& json = out["end"] = Json::object();
    if (end.type) json["type"] = *end.type;
    if (end.date) json["date"] = *end.date;
    if (end.occurrences) json["occurrences"] = *end.occurrences;
    merge_extra(json, end.extra);
  }
  merge_extra(out, schedule.extra);
  return out;
}

// The members after the job's, in the order of the official examples.
void put_schedule_members(Json& out, const ScheduledJob& scheduled, bool read_only) {
  if (scheduled.schedule) out["schedule"] = schedule_to_json(*scheduled.schedule);
  if (scheduled.enabled) out["enabled"] = *scheduled.enabled;
  if (read_only && scheduled.completed) out["completed"] = *scheduled.completed;
  if (read_only && scheduled.etag) out["etag"] = *scheduled.etag;
}

}  // namespace

Recurrence parse_recurrence(std::string_view text) {
  if (text == "daily") return Recurrence::daily;
  if (text == "weekly") return Recurrence::weekly;
  if (text == "monthly") return Recurrence::monthly;
  return Recurrence::unknown;
}

std::string_view to_string(Recurrence recurrence) {
  switch (recurrence) {
    case Recurrence::daily:
      return "daily";
    case Recurrence::weekly:
      return "weekly";
    case Recurrence::monthly:
      return "monthly";
    case Recurrence::unknown:
      break;
  }
  return "unknown";
}

bool has_scheduled_jobs(ApiVersion version) {
  return version != ApiVersion::preview;
}

bool has_if_match(ApiVersion version) {
  return version == ApiVersion::v2022_10_31_preview;
}

ScheduledJob scheduled_job_from_json(const Json& json, Problems& problems) {
  ScheduledJob scheduled;
  scheduled.job = job_from_json(json, problems);
  if (!json.is_object()) return scheduled;
  // The job reader left these in its extra; a reader of their own gives them types and paths.
  Json members = Json::object();
  for (std::string_view name : kScheduleMembers) {
    const std::string key(name);
    if (auto found = scheduled.job.extra.find(key); found != scheduled.job.extra.end()) {
      members[key] = *found;
      scheduled.job.extra.erase(found);
    }
  }
  JsonReader reader(members, "", problems);
  if (const Json* schedule = reader.object("schedule")) {
    scheduled.schedule = schedule_from_json(*schedule, problems);
  }
  scheduled.enabled = reader.boolean("enabled");
  scheduled.completed = reader.boolean("completed");
  scheduled.etag = reader.string("etag");
  return scheduled;
}

Json to_json(const ScheduledJob& scheduled, ApiVersion version) {
  Json out = to_json(scheduled.job, version);
  put_schedule_members(out, scheduled, true);
  return out;
}

Json to_create_body(const ScheduledJob& scheduled, ApiVersion version) {
  Json out = to_create_body(scheduled.job, version);
  put_schedule_members(out, scheduled, false);
  return out;
}

}  // namespace iotc::model
