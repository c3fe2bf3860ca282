#include "emulator/views.hpp"

#include "model/job_json.hpp"

namespace iotc::emulator {

using iotc::model::ApiVersion;

Json job_view(const JobRecord& record, ApiVersion version) {
  iotc::model::Problems ignored;
  iotc::model::Job job = iotc::model::job_from_json(record.body, ignored);
  job.id = record.id;
  job.status_text = std::string(iotc::model::to_string(record.status));
  if (iotc::model::has_progress(version)) {
    if (record.started_at) job.start = format_iso8601(*record.started_at);
    if (record.ended_at) job.end = format_iso8601(*record.ended_at);
    iotc::model::Progress progress;
    progress.total = record.total;
    progress.pending = record.pending;
    progress.completed = record.completed;
    progress.failed = record.failed;
    job.progress = progress;
  }
  keep_type_names(job.data, version);
  // Jobs carry scheduledJobId in the 2022 versions only.
  if (!iotc::model::has_organizations(version)) job.scheduled_job_id.reset();
  return iotc::model::to_json(job, version);
}

void keep_type_names(std::vector<iotc::model::JobData>& data, ApiVersion version) {
  for (auto& item : data) {
    if (!iotc::model::wire_name(item.type, version)) {
      item.type_name = std::string(
          iotc::model::wire_name(item.type, ApiVersion::v2022_10_31_preview).value_or("unknown"));
      item.type = iotc::model::JobDataType::unknown;
    }
  }
}

Json group_view(const GroupRecord& group, ApiVersion version) {
  Json json = {{"id", group.id}, {"displayName", group.display_name}};
  if (version == ApiVersion::preview) return json;  // the preview DeviceGroup has no more
  if (group.description) json["description"] = *group.description;
  json["filter"] = group.filter;
  json["etag"] = group_etag(group);
  if (group.organizations.is_array()) json["organizations"] = group.organizations;
  return json;
}

std::string group_etag(const GroupRecord& group) {
  return "\"" + std::to_string(group.seq) + "." + std::to_string(group.revision) + "\"";
}

Json device_view(const DeviceRecord& device) {
  Json json = {{"id", device.id},
               {"displayName", device.display_name},
               {"template", device.template_id},
               {"enabled", device.enabled},
               {"provisioned", device.behavior != Behavior::offline},
               {"simulated", device.simulated}};
  if (device.organizations.is_array()) json["organizations"] = device.organizations;
  return json;
}

Json organization_view(const OrganizationRecord& organization) {
  Json json = {{"id", organization.id}, {"displayName", organization.display_name}};
  if (organization.parent) json["parent"] = *organization.parent;
  return json;
}

}  // namespace iotc::emulator
