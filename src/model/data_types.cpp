#include "model/data_types.hpp"

#include <array>

namespace iotc::model {
namespace {

constexpr std::array<DataTypeInfo, 5> kDataTypes{{
    {JobDataType::property, "property", "PropertyJobData", true, DataShape::capability, true},
    {JobDataType::command, "command", "CommandJobData", true, DataShape::capability, false},
    {JobDataType::cloud_property, "cloudProperty", "CloudPropertyJobData", true,
     DataShape::capability, true},
    {JobDataType::device_template_migration, "deviceTemplateMigration", "", true,
     DataShape::template_migration, false},
    {JobDataType::device_manifest_migration, "deviceManifestMigration", "", false,
     DataShape::manifest_migration, false},
}};

}  // namespace

std::span<const DataTypeInfo> data_types() {
  return kDataTypes;
}

const DataTypeInfo* data_type_info(JobDataType type) {
  for (const auto& info : kDataTypes) {
    if (info.type == type) return &info;
  }
  return nullptr;
}

JobDataType parse_job_data_type(std::string_view text) {
  for (const auto& info : kDataTypes) {
    if (text == info.name_2022 || (!info.name_preview.empty() && text == info.name_preview)) {
      return info.type;
    }
  }
  return JobDataType::unknown;
}

std::optional<std::string_view> wire_name(JobDataType type, ApiVersion version) {
  const DataTypeInfo* info = data_type_info(type);
  if (info == nullptr) return std::nullopt;
  switch (version) {
    case ApiVersion::preview:
      if (info->name_preview.empty()) return std::nullopt;
      return info->name_preview;
    case ApiVersion::v2022_07_31:
      if (!info->in_2022_07_31) return std::nullopt;
      return info->name_2022;
    case ApiVersion::v2022_10_31_preview:
      return info->name_2022;
  }
  return std::nullopt;
}

bool JobData::is_capability() const {
  const DataTypeInfo* info = data_type_info(type);
  return info != nullptr && info->shape == DataShape::capability;
}

std::string data_type_list() {
  std::string list;
  for (std::size_t i = 0; i < kDataTypes.size(); ++i) {
    if (i > 0) list += i + 1 == kDataTypes.size() ? " or " : ", ";
    list += kDataTypes[i].name_2022;
  }
  return list;
}

}  // namespace iotc::model
