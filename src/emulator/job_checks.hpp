#pragma once
// The checks a job's payload passes against the app's state before it is stored, shared by the
// jobs and the scheduled jobs that run them.

#include "emulator/call.hpp"
#include "model/api_version.hpp"
#include "model/job.hpp"

namespace iotc::emulator {

// Jobs and scheduled jobs are stored in the spelling of the version with every data type.
inline constexpr iotc::model::ApiVersion kStorageVersion =
    iotc::model::ApiVersion::v2022_10_31_preview;

// The payload as the service keeps it, in the storage spelling (the version with every data
// type): read-only members and unknown members dropped.
Json normalise(iotc::model::Job job);

// Every template a data item names exists (when the seed declares templates): 422 otherwise.
void check_references(Call& call, const iotc::model::Job& job);

// The job's organization exists in the caller's scope and holds its group: 422 otherwise. A
// caller tied to an organization creates its jobs there unless it names one.
void check_organization(Call& call, iotc::model::Job& job);

}  // namespace iotc::emulator
