#pragma once
// Ids the CLI makes up when the user gives none.

#include <chrono>
#include <string>
#include <string_view>

#include "api/clock.hpp"

namespace iotc::cli {

// "job-20261127-093855-k3x9": sortable by creation time, readable, unique enough (four random
// characters from 36 each second), and valid under the spec's rule (letters, digits, '-', '_').
std::string generate_job_id(std::chrono::system_clock::time_point now,
                            const api::UniformRandom& random);

// "<job>-rerun-20261127-094501": names the job it reruns; the job id part is cut so that the
// whole stays within the 255-character limit.
std::string generate_rerun_id(std::string_view job_id, std::chrono::system_clock::time_point now);

}  // namespace iotc::cli
