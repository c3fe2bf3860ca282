#pragma once
// What a job's current state allows, asked of the service (one GET) before a command changes
// anything, so that a conflict is exit 7 with nothing changed, and a change already made is
// exit 0 with nothing sent (docs/design.md §2):
//   create with an id the user gave   the job exists          -> 7, nothing created
//   stop                              stopped already         -> 0, nothing changed
//                                     ended otherwise         -> 7
//   resume                            pending or running      -> 0, nothing changed
//                                     ended (not stopped)     -> 7
//   rerun                             pending or running      -> 7
//                                     no failed devices       -> 7

#include <optional>
#include <string>
#include <string_view>

#include "api/client.hpp"

namespace iotc::cli {

// "complete, ended 2026-11-27T00:10:00Z": the status of `job` and when it ended, if it has.
std::string describe_state(const model::Json& job);

// Throws ConflictError when `job_id` exists: create never replays an existing job.
void refuse_existing_job(api::Client& client, std::string_view job_id);

// The job as it is when it is stopped already (nothing to do); nullopt when it can be stopped.
// Throws ConflictError when it has ended otherwise.
std::optional<model::Json> already_stopped(api::Client& client, std::string_view job_id);

// The job as it is when it is pending or running already (nothing to do); nullopt when it is
// stopped. Throws ConflictError when it has ended otherwise.
std::optional<model::Json> already_running(api::Client& client, std::string_view job_id);

// Throws ConflictError when `job_id` is still pending or running, or has no failed devices.
void check_rerunnable(api::Client& client, std::string_view job_id);

}  // namespace iotc::cli
