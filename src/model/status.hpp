#pragma once
// Job and device statuses. The spec types them as free strings, so a value the model does not
// know is kept as `unknown` (with its text kept beside it), never an error.

#include <optional>
#include <string_view>

namespace iotc::model {

enum class JobStatus { pending, running, complete, failed, cancelled, stopped, unknown };
enum class DeviceStatus { pending, completed, failed, unknown };

JobStatus parse_job_status(std::string_view text);
DeviceStatus parse_device_status(std::string_view text);
std::string_view to_string(JobStatus status);
std::string_view to_string(DeviceStatus status);

// A job is finished once it leaves pending and running (and the status is one we know).
bool is_finished(JobStatus status);

}  // namespace iotc::model
