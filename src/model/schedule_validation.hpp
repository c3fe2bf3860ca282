#pragma once
// Everything wrong with a scheduled job, at once, each problem with its JSON path: the job's own
// rules (validation.hpp), its schedule, and one data type throughout ("All entries must be of
// the same type", the spec of ScheduledJob.data).

#include "model/scheduled_job.hpp"

namespace iotc::model {

Problems validate(const ScheduledJob& scheduled, ApiVersion version);

// The schedule alone (a merge patch may carry nothing else).
Problems validate_schedule(const Schedule& schedule);

// "data: all items must be of one type (data[0] is property, data[1] is command)", or nothing.
Problems mixed_data_types(const Job& job);

// Reads `payload` and validates it, as check_job_payload does for a job.
Problems check_scheduled_job_payload(const Json& payload, ApiVersion version,
                                     ScheduledJob* out = nullptr);

}  // namespace iotc::model
