#include "api/client_errors.hpp"

#include "api/redact.hpp"
#include "api/trace.hpp"
#include "errors.hpp"
#include "model/job_json.hpp"
#include "model/json_text.hpp"

namespace iotc::api {
namespace {

std::string with_retries(std::string message, int retries) {
  if (retries == 1) return message + " (after 1 retry)";
  if (retries > 1) return message + " (after " + std::to_string(retries) + " retries)";
  return message;
}

// What the service said, from its error body or, failing that, its x-ms-error-code header.
model::ServiceErrorBody service_error_of(const Response& response) {
  model::ServiceErrorBody error;
  // Not JSON (a proxy's HTML page, an empty body), or nested too deeply to read safely: keep
  // what the headers say.
  if (const auto body = model::parse_json(response.body)) {
    if (auto parsed = model::service_error_from_json(*body)) error = *parsed;
  }
  if (error.code.empty()) {
    if (auto code = response.headers.get("x-ms-error-code")) error.code = *code;
  }
  if (!error.request_id) {
    if (auto id = response.headers.get("x-ms-request-id")) error.request_id = std::string(*id);
  }
  return error;
}

// What the request was doing, in the tool's words rather than HTTP's: "create of job 'j1'",
// not "PUT job 'j1'". Each endpoint has one method and path shape (docs/design.md §1).
std::string action_of(const Request& request, std::string_view what) {
  const std::string path = request.url.substr(0, request.url.find('?'));
  const std::string target(what);
  switch (request.method) {
    case Method::get:
      return "reading " + target;
    case Method::put:
      return (path.find("/rerun/") != std::string::npos ? "rerun of " : "create of ") + target;
    case Method::post:
      if (path.ends_with("/stop")) return "stop of " + target;
      if (path.ends_with("/resume")) return "resume of " + target;
      break;
    default:
      break;
  }
  return std::string(to_string(request.method)) + " " + target;
}

std::string describe(const Response& response, const model::ServiceErrorBody& error) {
  std::string text = "HTTP " + std::to_string(response.status);
  if (!error.code.empty()) text += " " + error.code;
  if (!error.message.empty()) text += ": " + error.message;
  if (error.request_id) text += " (request id " + *error.request_id + ")";
  // Not redacted here: the command line's one exit (cli::report_failure) takes out the token
  // read, whole and in every encoding, before any pattern; a pattern applied first would cut the
  // token into pieces that no longer match it.
  return one_line(text);
}

[[noreturn]] void throw_for_response(const SendOutcome& outcome, const Response& response,
                                     const Request& request, const ClientOptions& options,
                                     std::string_view what) {
  const model::ServiceErrorBody error = service_error_of(response);
  const int status = response.status;
  const std::string said = describe(response, error);
  const std::string where = options.target.empty() ? options.base_url : options.target;
  switch (outcome.stop) {
    case StopReason::deadline:
      throw TimeoutError(
          with_retries("no success from " + where + " before the deadline; last answer: " + said,
                       outcome.retries));
    case StopReason::retry_after_too_long:
      throw ServiceError(
          "the service asks to retry " + std::string(what) + " only after " +
              std::to_string(outcome.retry_after.value_or(std::chrono::milliseconds(0)).count() /
                             1000) +
              " s; giving up: " + said,
          status, error.code, error.request_id);
    default:
      break;
  }
  if (status == 404) {
    std::string message = std::string(what) + " not found in " + where;
    if (!error.message.empty()) message += " (" + one_line(error.message) + ")";
    throw NotFoundError(message, status, error.code, error.request_id);
  }
  if (status == 401 || status == 403) {
    std::string message =
        status == 401 ? "authentication failed for " + where : "permission denied by " + where;
    if (options.authorization.empty()) {
      message +=
          ": no API token was given (set IOTC_API_TOKEN, pass --token-file, or use a "
          "profile with a token_file)";
    } else {
      message += status == 401 ? ": the token from " + options.token_origin + " was not accepted"
                               : ": the token from " + options.token_origin + " may not access " +
                                     std::string(what);
    }
    message += " [" + said + "]";
    throw AuthError(message, status, error.code, error.request_id);
  }
  if (status == 409 || status == 412) {
    // The resource exists, its state does not allow the request, or it changed since the
    // If-Match etag was read: nothing was changed.
    throw ConflictError(action_of(request, what) + " refused: " + said + "; nothing was changed");
  }
  std::string message = action_of(request, what) + " failed: " + said;
  if (status < 400) message += " (an unexpected answer)";
  throw ServiceError(with_retries(message, outcome.retries), status, error.code, error.request_id);
}

}  // namespace

void throw_call_error(const SendOutcome& outcome, const Request& request,
                      const ClientOptions& options, std::string_view what) {
  if (const auto* response = std::get_if<Response>(&outcome.result)) {
    throw_for_response(outcome, *response, request, options, what);
  }
  const auto& error = std::get<TransportError>(outcome.result);
  if (error.kind == TransportErrorKind::aborted) throw InterruptedError("interrupted");
  const std::string where = options.target.empty() ? options.base_url : options.target;
  if (error.kind == TransportErrorKind::too_large) {
    // Never retried: the same answer would be as large again.
    throw NetworkError(action_of(request, what) + " failed: " + one_line(error.message) +
                       " (from " + where + "); stopped reading it");
  }
  const std::string detail = std::string(to_string(error.kind)) + ": " + one_line(error.message);
  // Once the service began to answer, it was reached: a timeout then is an answer that did not
  // finish, and "cannot reach" or "no answer" would send the user looking at the network.
  if (outcome.stop == StopReason::deadline) {
    const std::string lead =
        error.answer_started ? "the answer from " + where + " did not finish before the deadline"
                             : "no answer from " + where + " before the deadline";
    throw TimeoutError(with_retries(lead + " (" + detail + ")", outcome.retries));
  }
  // A dropped connection or a cut answer reached the service: "cannot reach" would mislead.
  const std::string lead = error.kind == TransportErrorKind::connection_dropped
                               ? "lost the connection to " + where
                           : error.answer_started ? "the answer from " + where + " did not finish"
                                                  : "cannot reach " + where;
  throw NetworkError(with_retries(lead + ": " + detail, outcome.retries));
}

model::Json parse_body(const Response& response, const Request& request) {
  // Deeper nesting would overflow the stack when the document is copied or printed.
  if (!model::json_depth_within(response.body)) {
    throw NetworkError("the answer to " + std::string(to_string(request.method)) + " " +
                       redact_text(request.url) + " could not be read: it nests deeper than " +
                       std::to_string(model::kMaxJsonDepth) + " levels");
  }
  try {
    return model::Json::parse(response.body);
  } catch (const model::Json::exception& e) {
    throw NetworkError("the answer to " + std::string(to_string(request.method)) + " " +
                       redact_text(request.url) + " could not be read: " + one_line(e.what()));
  }
}

}  // namespace iotc::api
