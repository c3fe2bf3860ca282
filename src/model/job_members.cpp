#include "model/job_members.hpp"

#include <algorithm>

#include "model/data_types.hpp"
#include "model/job_json.hpp"
#include "model/json_reader.hpp"

namespace iotc::model {
namespace {

using Names = std::span<const std::string_view>;

// Job, 2022-07-31 and 2022-10-31-preview. The read-only members are listed too, so that a
// did-you-mean can name them.
constexpr std::string_view kJob2022[] = {"id",
                                         "scheduledJobId",
                                         "displayName",
                                         "description",
                                         "group",
                                         "batch",
                                         "cancellationThreshold",
                                         "data",
                                         "start",
                                         "end",
                                         "progress",
                                         "status",
                                         "organizations"};
// Job, preview (2021-04-30). organizations is named here although that spec lacks it: the
// validation says it is not available in this api-version, which helps more than "unknown".
constexpr std::string_view kJobPreview[] = {"id",    "displayName", "description",
                                            "group", "batch",       "cancellationThreshold",
                                            "data",  "status",      "organizations"};
constexpr std::string_view kReadOnly[] = {"id",  "status",         "progress", "start",
                                          "end", "scheduledJobId", "etag",     "completed"};
constexpr std::string_view kBatch[] = {"type", "value"};
constexpr std::string_view kThreshold[] = {"type", "value", "batch"};
// Job data: the preview spec has one JobData with every member; the 2022 specs a member set per
// discriminator value.
constexpr std::string_view kCapabilityData[] = {"type", "target", "path", "value"};
constexpr std::string_view kTemplateMigration[] = {"type", "template"};
constexpr std::string_view kManifestMigration[] = {"type", "manifest"};

bool contains(Names names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// The members of `object` (at `path`) outside `known`, except those `skip` accepts.
template <typename Skip>
void collect(const Json& object, const std::string& path, Names known, Skip skip,
             std::vector<UnknownMember>& found) {
  for (const auto& [name, value] : object.items()) {
    if (contains(known, name) || skip(name)) continue;
    found.push_back({path.empty() ? name : path + "." + name, name, known});
  }
}

void collect(const Json& object, const std::string& path, Names known,
             std::vector<UnknownMember>& found) {
  collect(
      object, path, known, [](std::string_view) { return false; }, found);
}

// The members a data item of this type has in `version`; empty when the type is unknown or
// the version lacks it (the validation reports the type).
Names data_members(const Json& item, ApiVersion version) {
  const auto type = item.find("type");
  if (type == item.end() || !type->is_string()) return {};
  const JobDataType kind = parse_job_data_type(type->get<std::string>());
  if (kind == JobDataType::unknown || !wire_name(kind, version)) return {};
  switch (data_type_info(kind)->shape) {
    case DataShape::template_migration:
      return kTemplateMigration;
    case DataShape::manifest_migration:
      return kManifestMigration;
    case DataShape::capability:
      break;
  }
  return kCapabilityData;
}

const Json* object_member(const Json& job, const char* name) {
  const auto found = job.find(name);
  return found != job.end() && found->is_object() ? &*found : nullptr;
}

}  // namespace

bool is_read_only_member(std::string_view name) {
  return contains(kReadOnly, name);
}

std::vector<UnknownMember> unknown_members(const Json& job, ApiVersion version) {
  std::vector<UnknownMember> found;
  if (!job.is_object()) return found;
  collect(job, "", version == ApiVersion::preview ? Names(kJobPreview) : Names(kJob2022),
          is_read_only_member, found);
  if (const Json* batch = object_member(job, "batch")) collect(*batch, "batch", kBatch, found);
  if (const Json* threshold = object_member(job, "cancellationThreshold")) {
    collect(*threshold, "cancellationThreshold", kThreshold, found);
  }
  const auto data = job.find("data");
  if (data != job.end() && data->is_array()) {
    for (std::size_t i = 0; i < data->size(); ++i) {
      const Json& item = (*data)[i];
      if (!item.is_object()) continue;
      const Names known = data_members(item, version);
      if (!known.empty()) collect(item, index_path("data", i), known, found);
    }
  }
  return found;
}

}  // namespace iotc::model
