#pragma once
// After a create whose answer was lost, the service's copy of the resource decides what
// happened: it holds what was sent (this command created it), or it does not (something else
// did). Members the service adds (id, status, progress, defaults) are not compared.

#include <optional>
#include <string>

#include "model/job.hpp"

namespace iotc::api {

// The JSON path of the first member of `sent` that `stored` lacks or holds with another value
// ("displayName", "data[0].value"; "" for the whole document), or nullopt when `stored` holds
// every member sent. Objects compare member by member, arrays item by item (same length),
// numbers by value (1 and 1.0 are equal).
std::optional<std::string> first_difference(const model::Json& sent, const model::Json& stored);

// Whether `stored` is what applying the merge patch `patch` leaves: each member with a value
// held as first_difference compares, each member set to null absent (a merge patch's null
// removes the member, RFC 7396).
bool holds_patch(const model::Json& patch, const model::Json& stored);

}  // namespace iotc::api
