#pragma once
// The job data types, one table (kDataTypes in data_types.cpp): their wire names in each
// api-version, the members each carries, and what the validation requires of them. The JSON
// reader and writer, the strict-member check, the validation and the emulator read it; adding a
// type is a row there and a value of JobDataType.

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "model/api_version.hpp"
#include "model/job.hpp"

namespace iotc::model {

// The members a data item carries besides "type".
enum class DataShape {
  capability,          // target, path, value: a property, a command, a cloud property
  template_migration,  // template
  manifest_migration,  // manifest
};

struct DataTypeInfo {
  JobDataType type;
  std::string_view name_2022;     // the 2022 specs' discriminator value
  std::string_view name_preview;  // the preview spec's definition name ("" = absent there)
  bool in_2022_07_31;             // 2022-10-31-preview has every type
  DataShape shape;
  bool value_required;  // a property set to nothing is never what was meant
};

std::span<const DataTypeInfo> data_types();
// The row of `type`; nullptr for JobDataType::unknown.
const DataTypeInfo* data_type_info(JobDataType type);

// Either spelling: "property" or "PropertyJobData" -> JobDataType::property.
JobDataType parse_job_data_type(std::string_view text);
// The spelling `version` uses on the wire, or nullopt when `version` lacks the type.
std::optional<std::string_view> wire_name(JobDataType type, ApiVersion version);
// "property, command, cloudProperty, deviceTemplateMigration or deviceManifestMigration".
std::string data_type_list();

}  // namespace iotc::model
