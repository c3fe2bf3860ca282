#pragma once
// filter and orderby of GET /deviceGroups (2022-10-31-preview). The spec names the parameters
// only ("an expression on the resource type"); the emulator takes an OData-like subset and
// refuses the rest with 400 (docs/emulator.md, inferred behaviours).

#include "emulator/call.hpp"
#include "emulator/store.hpp"

namespace iotc::emulator {

// filter: `id eq 'X'`, `displayName eq 'X'`, or both joined by `and`; orderby: `id` or
// `displayName`, then optionally `asc` or `desc`. Other versions ignore both parameters, as
// the service ignores a query parameter its version lacks.
GroupQuery group_list_query(const Call& call);

}  // namespace iotc::emulator
