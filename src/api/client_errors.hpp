#pragma once
// Turns the final outcome of a call that did not succeed into the error hierarchy of
// src/errors.hpp. Internal to the api library.

#include <string>
#include <string_view>

#include "api/client.hpp"
#include "api/retry_policy.hpp"

namespace iotc::api {

// "job 'j1'": a resource named in messages.
inline std::string quoted(std::string_view kind, std::string_view id) {
  return std::string(kind) + " '" + std::string(id) + "'";
}

// Throws NotFoundError, AuthError, ServiceError, NetworkError or TimeoutError.
[[noreturn]] void throw_call_error(const SendOutcome& outcome, const Request& request,
                                   const ClientOptions& options, std::string_view what);

// Parses a 2xx body as JSON; throws NetworkError ("could not be read") when it is not JSON.
model::Json parse_body(const Response& response, const Request& request);

}  // namespace iotc::api
