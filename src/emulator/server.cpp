#include "emulator/server.hpp"

#include <cstdio>
#include <stdexcept>
#include <thread>

#include "emulator/api_error.hpp"
#include "emulator/auth.hpp"
#include "emulator/connection.hpp"
#include "emulator/listener.hpp"
#include "emulator/log_text.hpp"
#include "util/uuid.hpp"

namespace iotc::emulator {
namespace {

void send_error(httplib::Response& res, int status, const std::string& code,
                const std::string& message, const std::string& request_id) {
  // The time of the answer, as its Date header says it (emulated time).
  const std::string time = res.get_header_value("Date");
  Json body = {{"error",
                {{"code", code}, {"message", message}, {"requestId", request_id}, {"time", time}}}};
  res.set_header("x-ms-error-code", code);
  send_json(res, status, body);
}

}  // namespace

Server::Server(App& app, ListenOptions listen) : app_(app), listen_(std::move(listen)) {
  if (!listen_.tls_cert.empty() || !listen_.tls_key.empty()) {
    if (listen_.tls_cert.empty() || listen_.tls_key.empty()) {
      throw std::runtime_error("--tls-cert and --tls-key go together");
    }
    auto tls =
        std::make_unique<httplib::SSLServer>(listen_.tls_cert.c_str(), listen_.tls_key.c_str());
    if (!tls->is_valid()) {
      throw std::runtime_error("cannot load the TLS certificate or key (" + listen_.tls_cert +
                               ", " + listen_.tls_key + ")");
    }
    http_ = std::move(tls);
    scheme_ = "https";
  } else {
    http_ = std::make_unique<httplib::Server>();
    scheme_ = "http";
  }
  add_job_routes(router_);
  add_schedule_routes(router_);
  add_group_routes(router_);
  add_organization_routes(router_);
  add_admin_routes(router_);
  configure_connections(*http_);
  // Bodies are read by RequestBody (after auth, within its caps); this is httplib's own cap
  // for the paths where it would read one itself.
  http_->set_payload_max_length(kMaxRequestBodyBytes);
  // httplib closes a kept-alive connection after 5 requests by default; the service's front
  // ends keep one open for far longer, and clients are tested for reusing theirs.
  http_->set_keep_alive_max_count(1000);
  // httplib writes the headers and the body of an answer separately; without TCP_NODELAY,
  // Nagle's algorithm holds the body back until the client's delayed ACK (~40 ms), so every
  // request on a kept-alive connection would wait for it.
  http_->set_tcp_nodelay(true);
  auto handler = [this](const httplib::Request& req, httplib::Response& res) {
    dispatch(req, res, nullptr);
  };
  // With a content reader httplib leaves the body unread until dispatch asks for it.
  auto with_body = [this](const httplib::Request& req, httplib::Response& res,
                          const httplib::ContentReader& reader) { dispatch(req, res, &reader); };
  // Every path, CR and LF included (ECMAScript's "." matches neither): a decoded path may hold
  // any byte, and must still get an error body and a (neutralised) log line.
  for (const char* any : {"[\\s\\S]*"}) {
    http_->Get(any, handler);
    http_->Post(any, with_body);
    http_->Put(any, with_body);
    http_->Patch(any, with_body);
    http_->Delete(any, with_body);
    http_->Options(any, handler);
  }
}

Server::~Server() = default;

std::string Server::bind() {
  if (listen_.port == 0) {
    port_ = http_->bind_to_any_port(listen_.host);
    if (port_ <= 0) throw std::runtime_error("cannot listen on " + listen_.host);
  } else {
    if (!http_->bind_to_port(listen_.host, listen_.port)) {
      std::string why = bind_error(listen_.host, listen_.port);
      throw std::runtime_error("cannot listen on " + listen_.host + ":" +
                               std::to_string(listen_.port) + (why.empty() ? "" : ": " + why));
    }
    port_ = listen_.port;
  }
  widen_backlog(*http_);
  std::string host =
      listen_.host.find(':') != std::string::npos ? "[" + listen_.host + "]" : listen_.host;
  return scheme_ + "://" + host + ":" + std::to_string(port_);
}

void Server::run() {
  http_->listen_after_bind();
}
void Server::stop() {
  http_->stop();
}

bool Server::wait_until_running(std::chrono::milliseconds timeout) const {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!http_->is_running()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return true;
}

std::string Server::request_base_url(const httplib::Request& req) const {
  if (!app_.service.public_url.empty()) return app_.service.public_url;
  std::string host = req.get_header_value("Host");
  if (host.empty()) host = listen_.host + ":" + std::to_string(port_);
  return scheme_ + "://" + host;
}

void Server::dispatch(const httplib::Request& req, httplib::Response& res,
                      const httplib::ContentReader* reader) {
  RequestBody body(req, reader);
  RequestLogEntry entry;
  entry.time = format_iso8601(wall_clock_now());
  entry.method = req.method;
  entry.path = req.path;
  auto query = req.target.find('?');
  if (query != std::string::npos) entry.query = req.target.substr(query + 1);
  entry.connection = req.remote_addr + ":" + std::to_string(req.remote_port);
  entry.request_id = util::new_uuid_v4();
  res.set_header("x-ms-request-id", entry.request_id);
  // In emulated time, as every time the emulator shows: a client that computes "3m ago" against
  // the service's clock agrees with the jobs' times however fast the emulated clock runs.
  res.set_header("Date", format_rfc1123(app_.clock->now()));
  if (req.has_header("x-ms-client-request-id")) {
    res.set_header("x-ms-client-request-id", req.get_header_value("x-ms-client-request-id"));
  }
  const bool admin = req.path.rfind("/_emulator/", 0) == 0 || req.path == "/_emulator";
  std::optional<Fault> fault;
  if (!admin) fault = app_.faults.take(req.method, req.path);
  if (fault) entry.fault = to_string(fault->kind);

  bool truncate = false;
  const bool drop = fault && fault->kind == FaultKind::drop;
  if (drop) {
    res.status = 500;  // never sent: the connection is closed below
    entry.status = 0;
  } else if (fault && (fault->kind == FaultKind::throttle ||
                       fault->kind == FaultKind::throttle_without_retry_after)) {
    if (fault->kind == FaultKind::throttle) {
      res.set_header("Retry-After", std::to_string(fault->retry_after_seconds));
    }
    send_error(res, 429, codes::kTooManyRequests,
               "Too many requests: the application's rate limit is exceeded. Try again later.",
               entry.request_id);
  } else if (fault && fault->kind == FaultKind::internal_error) {
    send_error(res, 500, codes::kInternalServerError, "An internal error occurred (injected).",
               entry.request_id);
  } else if (fault && fault->kind == FaultKind::unavailable) {
    send_error(res, 503, codes::kServiceUnavailable,
               "The service is temporarily unavailable (injected).", entry.request_id);
  } else if (fault && fault->kind == FaultKind::unauthorized) {
    send_error(res, 401, codes::kUnauthorized, "Unauthorized: the token was refused (injected).",
               entry.request_id);
  } else if (!admin && !app_.throttle.admit()) {
    res.set_header("Retry-After", "1");
    send_error(res, 429, codes::kTooManyRequests,
               "Too many requests: the application's rate limit is exceeded. Try again later.",
               entry.request_id);
  } else {
    if (fault && fault->kind == FaultKind::slow) {
      std::this_thread::sleep_for(std::chrono::milliseconds(fault->delay_ms));
    }
    truncate = fault && fault->kind == FaultKind::truncate;
    handle(req, res, entry, body);
  }
  // An answer that did not need the body (an injected fault, a throttle) still reads it, within
  // the caps, so that the connection stays usable; one that must not read it (401, 413) closes.
  if (!drop && !close_requested(res) && body.announced() && !body.consumed()) {
    try {
      body.read();
    } catch (const ApiError&) {
      res.set_header("Connection", "close");
    }
  }
  if (!drop) entry.status = res.status;
  if (truncate) {
    truncate_body(res);
  } else if (!drop && close_requested(res)) {
    close_after_answer(req, res);
  }
  if (app_.service.verbose) {
    // The path arrives percent-decoded: any client could write escape sequences into our stderr.
    std::fprintf(stderr, "%s %s %d %s\n", printable(req.method).c_str(),
                 printable(req.path).c_str(), entry.status, printable(entry.connection).c_str());
  }
  if (!admin) app_.requests.add(std::move(entry));
  // Logged first, so that a client that sees the connection close finds the entry.
  if (drop) drop_connection(req);
}

void Server::handle(const httplib::Request& req, httplib::Response& res, RequestLogEntry& entry,
                    RequestBody& body) {
  try {
    // From the headers alone: an unauthenticated client gets nothing read (or unzipped) for it.
    std::size_t token_index = 0;
    if (auto denied = check_authorization(req.get_header_value("Authorization"),
                                          app_.service.tokens, &token_index)) {
      std::map<std::string, std::string> headers;
      if (body.announced()) headers["Connection"] = "close";
      throw ApiError(401, codes::kUnauthorized, "Unauthorized: " + *denied + ".", headers);
    }
    body.read();
    RouteMatch match = router_.match(req.method, req.path);
    if (match.route == nullptr && match.allowed.empty()) {
      throw ApiError(404, codes::kNotFound, "No resource at " + req.path + ".");
    }
    if (match.route == nullptr) {
      std::string allow;
      for (const auto& m : match.allowed) allow += (allow.empty() ? "" : ", ") + m;
      throw ApiError(405, codes::kMethodNotAllowed,
                     "The method " + req.method + " is not allowed on " + req.path +
                         ". Allowed: " + allow + ".",
                     {{"Allow", allow}});
    }
    const std::string& text = body.read();  // already read, after auth
    Call call{req,
              res,
              app_,
              match.params,
              iotc::model::kDefaultApiVersion,
              request_base_url(req),
              text,
              app_.service.scope_of_token(token_index)};
    if (match.route->service) {
      if (!req.has_param("api-version")) {
        throw ApiError(400, codes::kMissingApiVersion,
                       "The api-version query parameter is required. Supported versions: " +
                           iotc::model::api_version_list() + ".");
      }
      auto version = iotc::model::parse_api_version(req.get_param_value("api-version"));
      if (!version) {
        throw ApiError(
            400, codes::kInvalidApiVersion,
            "The api-version '" + req.get_param_value("api-version") +
                "' is not supported. Supported versions: " + iotc::model::api_version_list() + ".");
      }
      if (!match.route->versions.empty() && !match.route->versions.contains(*version)) {
        throw ApiError(404, codes::kNotFound,
                       "No resource at " + req.path + " in api-version " +
                           std::string(iotc::model::to_string(*version)) + ".");
      }
      call.version = *version;
    }
    std::lock_guard lock(app_.state_mutex);
    match.route->handler(call);
  } catch (const ApiError& e) {
    for (const auto& [name, value] : e.headers()) res.set_header(name, value);
    send_error(res, e.status(), e.code(), e.what(), entry.request_id);
  } catch (const std::exception& e) {
    send_error(res, 500, codes::kInternalServerError,
               std::string("An internal error occurred: ") + e.what(), entry.request_id);
  }
}

}  // namespace iotc::emulator
