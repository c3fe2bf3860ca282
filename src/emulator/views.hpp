#pragma once
// How the emulator writes its records on the wire, per api-version.

#include <vector>

#include "emulator/store.hpp"
#include "model/api_version.hpp"

namespace iotc::emulator {

// The job as the service shows it: the accepted payload plus id, status and, in the 2022
// versions, start, end and progress.
Json job_view(const JobRecord& job, iotc::model::ApiVersion version);
// A job created in a version with more data types (a template migration) is still listed in the
// others: its data items keep their own type name.
void keep_type_names(std::vector<iotc::model::JobData>& data, iotc::model::ApiVersion version);
Json group_view(const GroupRecord& group, iotc::model::ApiVersion version);
// A group's etag: its seq (never reused) and revision, as an HTTP entity tag ("\"3.2\"").
std::string group_etag(const GroupRecord& group);
Json device_view(const DeviceRecord& device);
Json organization_view(const OrganizationRecord& organization);

}  // namespace iotc::emulator
