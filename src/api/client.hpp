#pragma once
// The IoT Central jobs API client: one typed call per endpoint of docs/design.md §1, in the three
// api-versions, with retries, deadlines, paging, error mapping and tracing.
//
// How a command uses it (the glue from config::Settings lives in the CLI, since api and config
// do not include each other):
//
//   config::Settings settings = config::resolve_settings(flags, env);       // config/settings.hpp
//   config::Credential credential =
//       config::load_credential(settings.token, environment_map, std::cin, std::cerr);
//   api::CurlTransport transport({.cacert = settings.cacert, .no_proxy = settings.no_proxy});
//   api::SystemClock clock;
//   api::Tracer tracer(std::cerr, settings.debug ? api::TraceLevel::debug
//                                 : settings.verbose ? api::TraceLevel::verbose
//                                                    : api::TraceLevel::off);
//   api::Client client({.base_url = settings.base_url,
//                       .api_version = settings.api_version,
//                       .authorization = credential.authorization,   // "" sends none
//                       .token_origin = credential.origin,
//                       .target = settings.target_label(),
//                       .request_id = util::new_uuid_v4(),
//                       .retry = {.max_retries = settings.retries},
//                       .timeout = settings.timeout},
//                      transport, clock, api::system_random(), tracer);
//
//   auto pager = client.list_jobs();                 // nothing is sent yet
//   while (auto item = pager.next()) {               // fetches page after page, lazily
//     item->value;  // model::Job (typed)
//     item->raw;    // model::Json: the service's own JSON of this item, unknown fields kept
//   }
//   api::Item<model::Job> job = client.get_job("job-1");
//   client.stop_job("job-1");                        // 204: returns nothing
//
// Errors (src/errors.hpp), all thrown: 404 -> NotFoundError; 401/403 -> AuthError (names the
// target and token origin, never the token); other 4xx/5xx -> ServiceError (code, message and
// requestId from the service's error body); no answer -> NetworkError; the deadline passed ->
// TimeoutError; a nextLink to another scheme/host -> Error (the token is never sent there).
//
// Deadlines: with ClientOptions::timeout (--timeout) set, the whole command shares one deadline
// that starts when the Client is built; without it, each call (all its retries included) gets
// call_timeout (defaults::kCallTimeout).
//
// The Client, the Transport, the Clock and the Tracer must outlive every Pager.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "api/clock.hpp"
#include "api/pager.hpp"
#include "api/retry_policy.hpp"
#include "api/trace.hpp"
#include "api/transport.hpp"
#include "defaults.hpp"
#include "model/api_version.hpp"
#include "model/job.hpp"

namespace iotc::api {

struct ClientOptions {
  // "https://myapp.azureiotcentral.com" or "http://127.0.0.1:8080" (a trailing '/' is ignored).
  std::string base_url;
  model::ApiVersion api_version = model::kDefaultApiVersion;
  // The whole Authorization header value ("Bearer x", "SharedAccessSignature sr=..."); empty
  // sends no Authorization header.
  std::string authorization;
  // Where the token came from, for auth error messages: "IOTC_API_TOKEN", "--token-file
  // /path", "standard input", "profile 'prod' (token_file /path)", or "" for no token.
  std::string token_origin;
  // What we talk to, for messages: "app 'myapp' (https://myapp.azureiotcentral.com)".
  std::string target;
  // One x-ms-client-request-id for every request of the command (util::new_uuid_v4()).
  std::string request_id;
  RetryOptions retry;
  std::optional<std::chrono::milliseconds> timeout;  // --timeout: one deadline for the command
  std::chrono::milliseconds call_timeout = defaults::kCallTimeout;
  // maxpagesize sent on list calls where the api-version has it (2022-10-31-preview).
  std::optional<int> page_size;
  // The most pages one listing follows (defaults::kMaxPages; smaller in tests).
  int max_pages = defaults::kMaxPages;
};

// A job a create made: `confirmed_after_lost_answer` when the answer to the PUT was lost and a
// GET found the job as it was sent.
struct CreatedJob : Item<model::Job> {
  bool confirmed_after_lost_answer = false;
};

// A device group a create or an update wrote: `confirmed_after_lost_answer` when the answer was
// lost and a GET found the group as it was sent.
struct WrittenGroup : Item<model::DeviceGroup> {
  bool confirmed_after_lost_answer = false;
};

// filter and orderby of GET /deviceGroups (2022-10-31-preview): sent as they are, encoded.
struct GroupListQuery {
  std::optional<std::string> filter;
  std::optional<std::string> orderby;
};

class Client : private PageSource {
 public:
  Client(ClientOptions options, Transport& transport, Clock& clock, UniformRandom random,
         Tracer& tracer);

  const ClientOptions& options() const { return options_; }
  // Whether a request carried maxpagesize (options().page_size, where the call and the version
  // take it).
  bool page_size_sent() const { return page_size_sent_; }

  // GET /jobs
  Pager<model::Job> list_jobs();
  // GET /jobs/{id}
  Item<model::Job> get_job(std::string_view job_id);
  // GET /jobs/{id}/devices
  Pager<model::JobDeviceStatus> job_devices(std::string_view job_id);
  // PUT /jobs/{id} with `body` (model::to_create_body); 200 -> the created job. A PUT is sent
  // again only when it cannot have been acted on (never sent, 408, 429). After a lost answer
  // (5xx, a timeout, a dropped connection) one GET decides: the job holds what was sent ->
  // created (confirmed_after_lost_answer); it exists otherwise -> ConflictError; 404 -> the
  // PUT again, within the same --retries. A 409 is ConflictError.
  CreatedJob create_job(std::string_view job_id, const model::Json& body);
  // The exact request create_job sends, for --dry-run (print it with describe_request()).
  Request create_job_request(std::string_view job_id, const model::Json& body) const;
  // POST /jobs/{id}/stop and /resume; 204.
  void stop_job(std::string_view job_id);
  void resume_job(std::string_view job_id);
  // PUT /jobs/{id}/rerun/{rerunId}; 200 -> the new job (id = rerun_id).
  Item<model::Job> rerun_job(std::string_view job_id, std::string_view rerun_id);
  // GET /deviceGroups (filter and orderby only where the version has them: the caller checks).
  Pager<model::DeviceGroup> list_device_groups(const GroupListQuery& query = {});
  // GET /deviceGroups/{id} (2022 versions)
  Item<model::DeviceGroup> get_device_group(std::string_view group_id);
  // GET /deviceGroups/{id}/devices (2022 versions); devices are not modelled: value == raw.
  Pager<model::Json> device_group_devices(std::string_view group_id);
  // PUT /deviceGroups/{id} with `body` (model::to_group_body), as create_job: resent only when
  // it cannot have been acted on; after a lost answer one GET decides (holds what was sent ->
  // confirmed; differs -> ConflictError; 404 -> sent again within --retries).
  WrittenGroup create_device_group(std::string_view group_id, const model::Json& body);
  // PATCH /deviceGroups/{id} (a merge patch), with If-Match when `if_match` is set. A 412 is
  // ConflictError (it changed since that etag), except after a lost answer: then one GET
  // decides, and the group holding what was sent is success (confirmed_after_lost_answer).
  WrittenGroup update_device_group(std::string_view group_id, const model::Json& patch,
                                   const std::optional<std::string>& if_match);
  // DELETE /deviceGroups/{id}; 204. A 404 after a resend is success (the first went through);
  // a 422 (the group is in use) is ConflictError. Returns true when a 404 confirmed it.
  bool delete_device_group(std::string_view group_id);

  // The service's clock now: the Date header of its latest answer, moved on by the time passed
  // since on our monotonic clock. nullopt before an answer with a readable Date. Relative times
  // ("3m ago") are computed against it, so that a clock that differs from ours (a skewed CI
  // runner, an emulator running fast) does not show a job starting "in 4m".
  std::optional<std::chrono::system_clock::time_point> service_now() const;

 private:
  friend class ScheduleClient;  // the /scheduledJobs half of this client, in its own file

  // The URL of `path` ("/jobs/a%20b", already encoded) under the base, with api-version (and
  // maxpagesize when `paged` and the version has it).
  std::string url_for(std::string_view path, bool paged = false) const;
  // Sends one request (with retries when `idempotent`) and returns a 2xx response; throws the
  // mapped error otherwise. `what` names the resource in messages ("job 'j1'").
  Response call(Request request, bool idempotent, std::string_view what);
  // The pages of a listing: RawPager sees this client only through PageSource.
  PageSource& pages() { return *this; }
  std::pair<Request, Response> get_page(const std::string& url, std::string_view what) override;
  std::string next_page_url(std::string_view next_link) const override;
  int max_pages() const override { return options_.max_pages; }
  void pause(std::chrono::milliseconds duration) override;
  Request make_request(Method method, std::string url, std::string body = {}) const;
  struct Confirmed {
    model::Json raw;
    bool after_lost_answer = false;
  };
  // Sends a create's PUT by "Creating what already exists" (docs/design.md §2): `fetch` GETs
  // the resource (nullopt: 404) when the PUT's answer was lost.
  Confirmed put_confirmed(const Request& request, const model::Json& body, std::string_view kind,
                          std::string_view id,
                          const std::function<std::optional<model::Json>()>& fetch);
  // Sends a merge patch, again after any lost answer (it is idempotent). A 412 after a resend:
  // `fetch` GETs the resource, and its holding the patch is success (after_lost_answer); any
  // other 412 is ConflictError naming the If-Match etag. `what` names the resource.
  Confirmed patch_confirmed(const Request& request, const model::Json& patch,
                            std::string_view what,
                            const std::function<std::optional<model::Json>()>& fetch);
  // Sends a DELETE, again after any lost answer. Returns true when a resend's 404 confirmed
  // that the first went through; any other failure is thrown as call() maps it.
  bool delete_confirmed(const Request& request, std::string_view what);
  // Sends `request` with the retries of send_with_retries (resent after a lost answer only when
  // `idempotent`), each attempt traced, and notes the service's Date of any answer.
  SendOutcome send(const Request& request, bool idempotent);
  Clock::time_point deadline_for_call() const;
  void note_service_date(const Response& response);

  ClientOptions options_;
  Transport& transport_;
  Clock& clock_;
  RetryPolicy policy_;
  Tracer& tracer_;
  std::optional<Clock::time_point> command_deadline_;
  mutable bool page_size_sent_ = false;
  std::optional<std::chrono::system_clock::time_point> service_date_;  // the latest Date header
  Clock::time_point service_date_seen_{};                               // when it came
};

// `segment` percent-encoded for a URL path (RFC 3986 unreserved characters kept).
std::string encode_path_segment(std::string_view segment);

}  // namespace iotc::api
