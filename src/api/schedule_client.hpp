#pragma once
// The scheduled jobs half of the API client (docs/design.md §1): one typed call per operation of
// /scheduledJobs, over the same Client (its transport, retries, deadline, tracing and errors).
// They exist in the 2022 api-versions only: a call in `preview` throws UsageError, nothing sent.
//
// Creating what already exists, as for jobs (docs/design.md §2): a create's PUT after a lost
// answer is settled by one GET; a PATCH whose retry meets 412 (its first try went through and
// changed the etag) succeeds when the scheduled job holds what was sent; a DELETE whose retry
// meets 404 (its first try went through) succeeds.

#include <optional>
#include <string>
#include <string_view>

#include "api/client.hpp"
#include "model/scheduled_job.hpp"

namespace iotc::api {

// A scheduled job a create made; `confirmed_after_lost_answer` as for CreatedJob.
struct CreatedSchedule : Item<model::ScheduledJob> {
  bool confirmed_after_lost_answer = false;
};

class ScheduleClient {
 public:
  explicit ScheduleClient(Client& client) : client_(client) {}

  // GET /scheduledJobs
  Pager<model::ScheduledJob> list();
  // GET /scheduledJobs/{id}
  Item<model::ScheduledJob> get(std::string_view id);
  // PUT /scheduledJobs/{id} with `body` (model::to_create_body). PUT is create-or-update at the
  // service: callers that must not replace one GET first.
  CreatedSchedule create(std::string_view id, const model::Json& body);
  Request create_request(std::string_view id, const model::Json& body) const;
  // PATCH /scheduledJobs/{id}: a JSON merge patch, with If-Match when `if_match` is given (the
  // caller checks model::has_if_match). A stale etag (412) is ConflictError (exit 7).
  Item<model::ScheduledJob> update(std::string_view id, const model::Json& patch,
                                   const std::optional<std::string>& if_match = std::nullopt);
  Request update_request(std::string_view id, const model::Json& patch,
                         const std::optional<std::string>& if_match) const;
  // DELETE /scheduledJobs/{id}; 204.
  void remove(std::string_view id);
  // GET /scheduledJobs/{id}/jobs: the jobs it started.
  Pager<model::Job> jobs(std::string_view id);

 private:
  std::string url(std::string_view id, std::string_view tail = {}, bool paged = false) const;
  void require_version() const;

  Client& client_;
};

}  // namespace iotc::api
