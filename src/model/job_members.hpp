#pragma once
// The members the official spec of each api-version defines for a Job and its parts
// (shared/api/*/iotcentral.json), and the members of a job file that it does not.
//
// A job file may be what `show -o json` printed: the read-only members the service sets (id,
// status, progress, ...) are accepted there and left out of the request. Anything else the spec
// does not define at its level is unknown: most often a typo that would otherwise vanish in
// silence (cancelationThreshold, and the job runs with no threshold at all).

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/api_version.hpp"
#include "model/job.hpp"

namespace iotc::model {

// A member the spec of the api-version does not define where a job file has it.
struct UnknownMember {
  std::string path;                         // "cancelationThreshold", "data[0].tagret"
  std::string name;                         // "tagret"
  std::span<const std::string_view> known;  // what that level defines, for a did-you-mean
};

// Read-only members: set by the service (a Job's id, status, progress, start, end,
// scheduledJobId; a scheduled job's etag and completed), accepted in a job file and never sent.
bool is_read_only_member(std::string_view name);

// Every unknown member of the Job `job` at every level, in document order. data[].value is the
// device's own JSON and never looked into; members of the wrong JSON type (a batch that is a
// string) and data items of an unknown type are left to the validation, which names them.
std::vector<UnknownMember> unknown_members(const Json& job, ApiVersion version);

}  // namespace iotc::model
