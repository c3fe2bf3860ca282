// The writes that must not be sent twice blindly, nor reported as failed when they went through
// (docs/design.md §2, "Creating what already exists"): after an answer is lost, the service's
// copy of the resource decides what happened.
#include "api/client.hpp"
#include "api/client_errors.hpp"
#include "api/sent_match.hpp"
#include "errors.hpp"

namespace iotc::api {

Client::Confirmed Client::put_confirmed(const Request& request, const model::Json& body,
                                        std::string_view kind, std::string_view id,
                                        const std::function<std::optional<model::Json>()>& fetch) {
  const std::string what = quoted(kind, id);
  const int max_retries = options_.retry.max_retries;
  const Clock::time_point deadline = deadline_for_call();
  int retries = 0;  // of the one --retries budget, across every PUT and its resends
  std::chrono::milliseconds previous_sleep{0};
  while (true) {
    SendOutcome outcome = send_with_retries(
        transport_, request, Resend::unless_answer_lost, deadline,
        policy_.with_max_retries(max_retries - retries), clock_,
        [&](const AttemptInfo& info) { tracer_.attempt(info, max_retries); });
    retries += outcome.retries;
    outcome.retries = retries;
    if (auto* response = std::get_if<Response>(&outcome.result);
        response && response->status >= 200 && response->status < 300) {
      note_service_date(*response);
      return {parse_body(*response, request), false};
    }
    if (outcome.stop != StopReason::answer_lost) throw_call_error(outcome, request, options_, what);
    // The PUT went out and its answer was lost: the resource may exist now. Look before sending
    // it again, as a second create of the same id need not be answered as the first. (-v shows
    // that GET after the failed PUT.)
    if (std::optional<model::Json> existing = fetch()) {
      const auto difference = first_difference(body, *existing);
      if (!difference) return {std::move(*existing), true};
      throw ConflictError("the answer to the create of " + what + " was lost, and " +
                          std::string(kind) + " " + std::string(id) +
                          " now exists but differs from what was sent (" +
                          (difference->empty() ? std::string("its body") : *difference) +
                          "): something else created it; nothing was created");
    }
    if (retries >= max_retries) {
      outcome.stop = StopReason::retries_exhausted;
      throw_call_error(outcome, request, options_, what);
    }
    ++retries;
    const auto sleep = policy_.backoff(retries, previous_sleep);
    if (clock_.now() + sleep >= deadline) {
      outcome.stop = StopReason::deadline;
      throw_call_error(outcome, request, options_, what);
    }
    clock_.sleep_for(sleep);
    previous_sleep = sleep;
  }
}

Client::Confirmed Client::patch_confirmed(
    const Request& request, const model::Json& patch, std::string_view what,
    const std::function<std::optional<model::Json>()>& fetch) {
  // A merge patch sent twice leaves the resource as sending it once: resent on any lost answer.
  SendOutcome outcome = send(request, true);
  if (auto* response = std::get_if<Response>(&outcome.result)) {
    if (response->status >= 200 && response->status < 300) {
      return {parse_body(*response, request), false};
    }
    if (response->status == 412) {
      // After a resend, the first try may have gone through and changed the etag: the
      // resource decides.
      if (outcome.retries > 0) {
        if (std::optional<model::Json> stored = fetch(); stored && holds_patch(patch, *stored)) {
          return {std::move(*stored), true};
        }
      }
      throw ConflictError("update of " + std::string(what) + " refused: it has changed since etag " +
                          std::string(request.headers.get("If-Match").value_or("*")) +
                          " (412 Precondition Failed); show it again and retry; nothing was "
                          "changed");
    }
  }
  throw_call_error(outcome, request, options_, what);
}

bool Client::delete_confirmed(const Request& request, std::string_view what) {
  SendOutcome outcome = send(request, true);
  if (auto* response = std::get_if<Response>(&outcome.result)) {
    if (response->status >= 200 && response->status < 300) return false;
    // A resend's 404: the delete whose answer was lost went through.
    if (response->status == 404 && outcome.retries > 0) return true;
  }
  throw_call_error(outcome, request, options_, what);
}

}  // namespace iotc::api
