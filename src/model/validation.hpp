#pragma once
// Everything wrong with a job payload, at once, each problem with its JSON path.

#include "model/api_version.hpp"
#include "model/job.hpp"
#include "model/problem.hpp"

namespace iotc::model {

// Checks a typed job against the spec of `version` and the constraints it leaves implicit
// (a batch of zero, a fractional device count, an empty data array, two organizations, ...).
Problems validate(const Job& job, ApiVersion version);

// A job id as the 2022 specs define it: 1 to 255 letters, digits, '-' or '_'.
bool is_valid_job_id(std::string_view id);
inline constexpr const char* kJobIdRule = "1 to 255 letters, digits, '-' or '_'";

// Reads `payload` and validates it: the reading problems (wrong JSON types) and the validation
// problems together, without repeating a path twice.
Problems check_job_payload(const Json& payload, ApiVersion version, Job* job_out = nullptr);

// The parts of such a check, for the other resources built on a Job (scheduled jobs): every
// string of `payload` that is not UTF-8 (nothing else can be read then), and the validation
// problems added to the reading ones without a path, or a part of one, twice.
Problems encoding_problems(const Json& payload);
void add_uncovered(Problems& problems, Problems validation);

}  // namespace iotc::model
