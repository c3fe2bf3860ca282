#pragma once
// The members of a job file that the api-version's spec does not define, as problems that say
// what was probably meant: "cancelationThreshold: unknown member; did you mean
// 'cancellationThreshold'?".

#include "model/api_version.hpp"
#include "model/job.hpp"
#include "model/problem.hpp"

namespace iotc::cli {

model::Problems unknown_member_problems(const model::Json& job, model::ApiVersion version);

}  // namespace iotc::cli
