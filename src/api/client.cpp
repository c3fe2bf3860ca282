#include "api/client.hpp"

#include "api/client_errors.hpp"
#include "api/next_link.hpp"
#include "api/redact.hpp"
#include "api/retry_after.hpp"
#include "api/sent_match.hpp"
#include "api/url.hpp"
#include "errors.hpp"
#include "model/job_json.hpp"
#include "version.hpp"

namespace iotc::api {
namespace {

model::Job read_job(const model::Json& json) {
  model::Problems problems;  // the service's own answer: read what can be read...
  model::Job job = model::job_from_json(json, problems);
  // ...except counts that are not counts (1e300, -5): a wait must not decide on them.
  for (const auto& problem : problems) {
    if (problem.path.starts_with("progress.")) {
      throw Error("the service sent an answer that could not be read: " + problem.to_string());
    }
  }
  return job;
}
model::JobDeviceStatus read_device_status(const model::Json& json) {
  model::Problems ignored;
  return model::job_device_status_from_json(json, ignored);
}


}  // namespace

Client::Client(ClientOptions options, Transport& transport, Clock& clock, UniformRandom random,
               Tracer& tracer)
    : options_(std::move(options)),
      transport_(transport),
      clock_(clock),
      policy_(options_.retry, std::move(random)),
      tracer_(tracer) {
  while (options_.base_url.ends_with('/')) options_.base_url.pop_back();
  std::optional<Url> base = parse_url(options_.base_url);
  if (!base) {
    throw UsageError("the base URL '" + options_.base_url +
                     "' is not an absolute http or https URL");
  }
  if (base->scheme == "http" && !is_loopback_host(base->host)) {
    throw UsageError("refusing to send the token over plain http to " + base->host +
                     ": use https (plain http is allowed only for localhost, 127.0.0.0/8 and ::1)");
  }
  if (!options_.authorization.empty()) tracer.add_authorization(options_.authorization);
  if (options_.timeout) command_deadline_ = clock_.now() + *options_.timeout;
}

Clock::time_point Client::deadline_for_call() const {
  if (command_deadline_) return *command_deadline_;
  return clock_.now() + options_.call_timeout;
}

std::string Client::url_for(std::string_view path, bool paged) const {
  std::string url = options_.base_url + "/api" + std::string(path) +
                    "?api-version=" + std::string(model::to_string(options_.api_version));
  if (paged && options_.page_size && model::has_maxpagesize(options_.api_version)) {
    url += "&maxpagesize=" + std::to_string(*options_.page_size);
    page_size_sent_ = true;
  }
  return url;
}

Request Client::make_request(Method method, std::string url, std::string body) const {
  Request request;
  request.method = method;
  request.url = std::move(url);
  request.headers.add("Accept", "application/json");
  request.headers.add("User-Agent", std::string("iotc-jobs/") + kVersion);
  if (!options_.request_id.empty()) {
    request.headers.add("x-ms-client-request-id", options_.request_id);
  }
  if (!options_.authorization.empty()) request.headers.add("Authorization", options_.authorization);
  if (!body.empty()) request.headers.add("Content-Type", "application/json");
  request.body = std::move(body);
  return request;
}

void Client::note_service_date(const Response& response) {
  const auto header = response.headers.get("Date");
  if (!header) return;
  if (const auto date = parse_http_date(*header)) {
    service_date_ = *date;
    service_date_seen_ = clock_.now();
  }
}

std::optional<std::chrono::system_clock::time_point> Client::service_now() const {
  if (!service_date_) return std::nullopt;
  return *service_date_ + std::chrono::duration_cast<std::chrono::system_clock::duration>(
                              clock_.now() - service_date_seen_);
}

SendOutcome Client::send(const Request& request, bool idempotent) {
  const int max_retries = options_.retry.max_retries;
  SendOutcome outcome =
      send_with_retries(transport_, request, idempotent, deadline_for_call(), policy_, clock_,
                        [&](const AttemptInfo& info) { tracer_.attempt(info, max_retries); });
  if (auto* response = std::get_if<Response>(&outcome.result)) note_service_date(*response);
  return outcome;
}

Response Client::call(Request request, bool idempotent, std::string_view what) {
  SendOutcome outcome = send(request, idempotent);
  if (auto* response = std::get_if<Response>(&outcome.result)) {
    if (response->status >= 200 && response->status < 300) return std::move(*response);
  }
  throw_call_error(outcome, request, options_, what);
}

std::pair<Request, Response> Client::get_page(const std::string& url, std::string_view what) {
  Request request = make_request(Method::get, url);
  Response response = call(request, true, what);
  return {std::move(request), std::move(response)};
}

std::string Client::next_page_url(std::string_view next_link) const {
  return next_link_url(options_.base_url, options_.api_version, next_link);
}

void Client::pause(std::chrono::milliseconds duration) { clock_.sleep_for(duration); }

Pager<model::Job> Client::list_jobs() {
  return {RawPager(pages(), url_for("/jobs", true), "the job list"), read_job};
}

Item<model::Job> Client::get_job(std::string_view job_id) {
  Request request = make_request(Method::get, url_for("/jobs/" + encode_path_segment(job_id)));
  model::Json raw = parse_body(call(request, true, quoted("job", job_id)), request);
  return {read_job(raw), std::move(raw)};
}

Pager<model::JobDeviceStatus> Client::job_devices(std::string_view job_id) {
  // GET /jobs/{id}/devices takes no maxpagesize in any version.
  std::string url = url_for("/jobs/" + encode_path_segment(job_id) + "/devices");
  return {RawPager(pages(), std::move(url), quoted("job", job_id)), read_device_status};
}

Request Client::create_job_request(std::string_view job_id, const model::Json& body) const {
  return make_request(Method::put, url_for("/jobs/" + encode_path_segment(job_id)), body.dump());
}

CreatedJob Client::create_job(std::string_view job_id, const model::Json& body) {
  const Request request = create_job_request(job_id, body);
  Confirmed confirmed = put_confirmed(request, body, "job", job_id, [&] {
    std::optional<model::Json> raw;
    try {
      raw = get_job(job_id).raw;
    } catch (const NotFoundError&) {
    }
    return raw;
  });
  CreatedJob created;
  created.value = read_job(confirmed.raw);
  created.raw = std::move(confirmed.raw);
  created.confirmed_after_lost_answer = confirmed.after_lost_answer;
  return created;
}

void Client::stop_job(std::string_view job_id) {
  std::string url = url_for("/jobs/" + encode_path_segment(job_id) + "/stop");
  call(make_request(Method::post, std::move(url)), true, quoted("job", job_id));
}

void Client::resume_job(std::string_view job_id) {
  std::string url = url_for("/jobs/" + encode_path_segment(job_id) + "/resume");
  call(make_request(Method::post, std::move(url)), true, quoted("job", job_id));
}

Item<model::Job> Client::rerun_job(std::string_view job_id, std::string_view rerun_id) {
  std::string url =
      url_for("/jobs/" + encode_path_segment(job_id) + "/rerun/" + encode_path_segment(rerun_id));
  Request request = make_request(Method::put, std::move(url));
  model::Json raw = parse_body(call(request, true, quoted("job", job_id)), request);
  return {read_job(raw), std::move(raw)};
}

std::string encode_path_segment(std::string_view segment) {
  constexpr const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : segment) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0x0f];
    }
  }
  return out;
}

}  // namespace iotc::api
