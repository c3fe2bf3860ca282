#include "model/job_json.hpp"

#include <array>
#include <cmath>
#include <iterator>
#include <string>

#include "model/data_types.hpp"
#include "model/job_members.hpp"
#include "model/json_reader.hpp"

namespace iotc::model {
namespace {

// Writes `number` as an integer when it is one, so that 25 stays 25 and never becomes 25.0.
Json number_json(double number) {
  constexpr double kExactIntegerLimit = 9007199254740992.0;  // 2^53
  if (!(std::abs(number) < kExactIntegerLimit)) return Json(number);
  const auto whole = static_cast<std::int64_t>(number);
  if (static_cast<double>(whole) == number) return Json(whole);
  return Json(number);
}

void merge_extra(Json& out, const Json& extra) {
  for (const auto& [key, value] : extra.items()) {
    if (!out.contains(key)) out[key] = value;
  }
}

template <typename T>
void put(Json& out, const char* key, const std::optional<T>& value) {
  if (value) out[key] = *value;
}

JobData job_data_from_json(const Json& json, const std::string& path, Problems& problems) {
  JsonReader reader(json, path, problems);
  JobData data;
  if (auto type = reader.string("type")) {
    data.type_name = *type;
    data.type = parse_job_data_type(*type);
  }
  data.target = reader.string("target");
  data.path = reader.string("path");
  data.value = reader.any("value");
  data.template_id = reader.string("template");
  data.manifest = reader.string("manifest");
  data.extra = reader.unread();
  return data;
}

Batch batch_from_json(const Json& json, const std::string& path, Problems& problems) {
  JsonReader reader(json, path, problems);
  Batch batch;
  batch.type_name = reader.string("type");
  batch.type = parse_measure(batch.type_name.value_or(""));
  batch.value = reader.number("value");
  batch.extra = reader.unread();
  return batch;
}

CancellationThreshold threshold_from_json(const Json& json, const std::string& path,
                                          Problems& problems) {
  JsonReader reader(json, path, problems);
  CancellationThreshold threshold;
  threshold.type_name = reader.string("type");
  threshold.type = parse_measure(threshold.type_name.value_or(""));
  threshold.value = reader.number("value");
  threshold.batch = reader.boolean("batch");
  threshold.extra = reader.unread();
  return threshold;
}

Progress progress_from_json(const Json& json, const std::string& path, Problems& problems) {
  JsonReader reader(json, path, problems);
  Progress progress;
  progress.total = reader.count("total").value_or(0);
  progress.pending = reader.count("pending").value_or(0);
  progress.completed = reader.count("completed").value_or(0);
  progress.failed = reader.count("failed").value_or(0);
  progress.extra = reader.unread();
  return progress;
}

std::optional<std::vector<std::string>> strings_from_json(JsonReader& reader,
                                                          std::string_view key) {
  const Json* array = reader.array(key);
  if (array == nullptr) return std::nullopt;
  std::vector<std::string> strings;
  for (std::size_t i = 0; i < array->size(); ++i) {
    const Json& item = (*array)[i];
    if (item.is_string()) {
      strings.push_back(item.get<std::string>());
    } else {
      reader.problems().push_back({index_path(reader.child_path(key), i), "must be a string"});
    }
  }
  return strings;
}

// Writes the members that batch and cancellation threshold share.
template <typename Sized>
Json sized_to_json(const Sized& sized) {
  Json out = Json::object();
  if (sized.type != Measure::unknown) {
    out["type"] = std::string(to_string(sized.type));
  } else {
    put(out, "type", sized.type_name);
  }
  if (sized.value) out["value"] = number_json(*sized.value);
  return out;
}

}  // namespace

Measure parse_measure(std::string_view text) {
  if (text == "number") return Measure::number;
  if (text == "percentage") return Measure::percentage;
  return Measure::unknown;
}

std::string_view to_string(Measure measure) {
  switch (measure) {
    case Measure::number:
      return "number";
    case Measure::percentage:
      return "percentage";
    case Measure::unknown:
      break;
  }
  return "unknown";
}

Job job_from_json(const Json& json, Problems& problems) {
  JsonReader reader(json, "", problems);
  Job job;
  job.id = reader.string("id");
  job.scheduled_job_id = reader.string("scheduledJobId");
  job.display_name = reader.string("displayName");
  job.description = reader.string("description");
  job.group = reader.string("group");
  if (const Json* batch = reader.object("batch")) {
    job.batch = batch_from_json(*batch, "batch", problems);
  }
  if (const Json* threshold = reader.object("cancellationThreshold")) {
    job.cancellation_threshold = threshold_from_json(*threshold, "cancellationThreshold", problems);
  }
  if (const Json* data = reader.array("data")) {
    job.has_data = true;
    for (std::size_t i = 0; i < data->size(); ++i) {
      job.data.push_back(job_data_from_json((*data)[i], index_path("data", i), problems));
    }
  }
  job.start = reader.string("start");
  job.end = reader.string("end");
  if (const Json* progress = reader.object("progress")) {
    job.progress = progress_from_json(*progress, "progress", problems);
  }
  job.status_text = reader.string("status");
  job.organizations = strings_from_json(reader, "organizations");
  job.extra = reader.unread();
  return job;
}

JobDeviceStatus job_device_status_from_json(const Json& json, Problems& problems) {
  JsonReader reader(json, "", problems);
  JobDeviceStatus status;
  status.id = reader.string("id").value_or("");
  status.status_text = reader.string("status").value_or("");
  status.extra = reader.unread();
  return status;
}

DeviceGroup device_group_from_json(const Json& json, Problems& problems) {
  JsonReader reader(json, "", problems);
  DeviceGroup group;
  group.id = reader.string("id").value_or("");
  group.display_name = reader.string("displayName");
  group.description = reader.string("description");
  group.filter = reader.string("filter");
  group.etag = reader.string("etag");
  group.organizations = strings_from_json(reader, "organizations");
  group.extra = reader.unread();
  return group;
}

std::optional<ServiceErrorBody> service_error_from_json(const Json& json) {
  if (!json.is_object()) return std::nullopt;
  auto it = json.find("error");
  if (it == json.end() || !it->is_object()) return std::nullopt;
  Problems ignored;
  JsonReader reader(*it, "error", ignored);
  ServiceErrorBody body;
  body.code = reader.string("code").value_or("");
  body.message = reader.string("message").value_or("");
  body.request_id = reader.string("requestId");
  body.time = reader.string("time");
  if (body.code.empty() && body.message.empty()) return std::nullopt;
  return body;
}

Json to_json(const JobData& data, ApiVersion version) {
  Json out = Json::object();
  if (data.type == JobDataType::unknown) {
    out["type"] = data.type_name;
  } else {
    auto name = wire_name(data.type, version);
    if (!name) {
      throw UnsupportedInVersion("job data type '" + data.type_name +
                                 "' does not exist in api-version " +
                                 std::string(to_string(version)));
    }
    out["type"] = std::string(*name);
  }
  put(out, "target", data.target);
  put(out, "path", data.path);
  put(out, "value", data.value);
  put(out, "template", data.template_id);
  put(out, "manifest", data.manifest);
  merge_extra(out, data.extra);
  return out;
}

Json to_json(const Job& job, ApiVersion version) {
  Json out = Json::object();
  put(out, "id", job.id);
  put(out, "displayName", job.display_name);
  put(out, "description", job.description);
  put(out, "group", job.group);
  if (job.batch) {
    out["batch"] = sized_to_json(*job.batch);
    merge_extra(out["batch"], job.batch->extra);
  }
  if (job.cancellation_threshold) {
    Json& threshold = out["cancellationThreshold"] = sized_to_json(*job.cancellation_threshold);
    put(threshold, "batch", job.cancellation_threshold->batch);
    merge_extra(threshold, job.cancellation_threshold->extra);
  }
  if (job.has_data || !job.data.empty()) {
    Json& data = out["data"] = Json::array();
    for (const JobData& item : job.data) data.push_back(to_json(item, version));
  }
  put(out, "start", job.start);
  put(out, "end", job.end);
  // The service's order (the official examples): status before progress, scheduledJobId last.
  put(out, "status", job.status_text);
  if (job.progress) {
    const Progress& p = *job.progress;
    Json& progress = out["progress"] = Json::object();
    progress["total"] = p.total;
    progress["pending"] = p.pending;
    progress["completed"] = p.completed;
    progress["failed"] = p.failed;
    merge_extra(progress, p.extra);
  }
  put(out, "organizations", job.organizations);
  put(out, "scheduledJobId", job.scheduled_job_id);
  merge_extra(out, job.extra);
  return out;
}

Json to_create_body(const Job& job, ApiVersion version) {
  Job body = job;
  body.id.reset();
  body.scheduled_job_id.reset();
  body.status_text.reset();
  body.start.reset();
  body.end.reset();
  body.progress.reset();
  // The read-only members of other resources (a scheduled job's etag and completed) too: a job
  // file may be what `schedule show -o json` printed.
  for (auto member = body.extra.begin(); member != body.extra.end();) {
    member = is_read_only_member(member.key()) ? body.extra.erase(member) : std::next(member);
  }
  return to_json(body, version);
}

Json to_json(const JobDeviceStatus& status) {
  Json out = Json::object();
  out["id"] = status.id;
  out["status"] = status.status_text;
  merge_extra(out, status.extra);
  return out;
}

Json to_json(const DeviceGroup& group) {
  Json out = Json::object();
  out["id"] = group.id;
  put(out, "displayName", group.display_name);
  put(out, "description", group.description);
  put(out, "filter", group.filter);
  put(out, "etag", group.etag);
  put(out, "organizations", group.organizations);
  merge_extra(out, group.extra);
  return out;
}

Json to_group_body(const DeviceGroup& group, ApiVersion version) {
  if (!has_group_writes(version)) {
    throw UnsupportedInVersion("api-version " + std::string(to_string(version)) +
                               " cannot create or change device groups");
  }
  Json out = Json::object();
  put(out, "displayName", group.display_name);
  put(out, "filter", group.filter);
  put(out, "description", group.description);
  put(out, "organizations", group.organizations);
  return out;
}

Json to_json(const ServiceErrorBody& error) {
  Json details = Json::object();
  details["code"] = error.code;
  details["message"] = error.message;
  put(details, "requestId", error.request_id);
  put(details, "time", error.time);
  Json out = Json::object();
  out["error"] = details;
  return out;
}

}  // namespace iotc::model
