#pragma once
// JSON reading and writing of the model, per api-version.
//
// Reading accepts every wire spelling (`property` and `PropertyJobData`), never throws on a JSON
// document, and reports members of the wrong JSON type as problems with their path. Writing uses
// the spelling of the chosen api-version and throws UnsupportedInVersion for a type it lacks.

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "model/data_types.hpp"
#include "model/api_version.hpp"
#include "errors.hpp"
#include "model/job.hpp"
#include "model/problem.hpp"

namespace iotc::model {

// A job or group that the chosen api-version cannot express: a usage error, nothing was sent.
class UnsupportedInVersion : public UsageError {
 public:
  using UsageError::UsageError;
};

// "number" or "percentage"; anything else is Measure::unknown.
Measure parse_measure(std::string_view text);
std::string_view to_string(Measure measure);


Job job_from_json(const Json& json, Problems& problems);
JobDeviceStatus job_device_status_from_json(const Json& json, Problems& problems);
DeviceGroup device_group_from_json(const Json& json, Problems& problems);
// Reads {"error": {...}}; nullopt when `json` is not shaped like the service's error body.
std::optional<ServiceErrorBody> service_error_from_json(const Json& json);

// The whole Job, read-only members included: what `show -o json` prints from a typed job.
Json to_json(const Job& job, ApiVersion version);
Json to_json(const JobData& data, ApiVersion version);
Json to_json(const JobDeviceStatus& status);
Json to_json(const DeviceGroup& group);
Json to_json(const ServiceErrorBody& error);

// The body of PUT and PATCH /deviceGroups/{id}: the members set (etag goes in If-Match, id in
// the path). Throws UnsupportedInVersion where the version has no group writes.
Json to_group_body(const DeviceGroup& group, ApiVersion version);

// The body of PUT /jobs/{id}: the Job without its read-only members (id, status, start, end,
// progress, scheduledJobId; etag, completed), which the service sets itself.
Json to_create_body(const Job& job, ApiVersion version);

}  // namespace iotc::model
