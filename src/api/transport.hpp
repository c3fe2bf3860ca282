#pragma once
// The HTTP transport: one request in, one response or one transport error out.
//
// A Transport knows nothing of retries, auth or the IoT Central API; it sends exactly the
// request it is given. Failures below HTTP (no connection, TLS, timeout, a dropped connection)
// come back as a TransportError, never as a made-up HTTP status, so that callers can tell "the
// service said 503" from "we never reached the service".

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace iotc::api {

enum class Method { get, put, post, patch, del };
// "GET", "PUT", "POST", "PATCH", "DELETE".
std::string_view to_string(Method method);

// HTTP header fields in the order they were added, with case-insensitive lookup (RFC 9110).
class Headers {
 public:
  using Field = std::pair<std::string, std::string>;

  Headers() = default;
  Headers(std::initializer_list<Field> fields) : fields_(fields) {}

  // Replaces every field named `name` (any case) by one with `value`.
  void set(std::string_view name, std::string_view value);
  // Adds a field, keeping any others of the same name.
  void add(std::string_view name, std::string_view value);
  // The first field named `name` (any case), if any.
  std::optional<std::string_view> get(std::string_view name) const;
  bool contains(std::string_view name) const { return get(name).has_value(); }

  const std::vector<Field>& fields() const { return fields_; }
  auto begin() const { return fields_.begin(); }
  auto end() const { return fields_.end(); }
  bool empty() const { return fields_.empty(); }

 private:
  std::vector<Field> fields_;
};

struct Request {
  Method method = Method::get;
  std::string url;  // absolute: scheme://host[:port]/path?query
  Headers headers;
  std::string body;
  // Limit for this one exchange (connect + send + receive). Zero: the transport's own default.
  std::chrono::milliseconds timeout{0};
  // Optional: called with each piece of the body as it arrives (the body is still collected
  // into Response::body). Lets a caller show progress or parse while bytes arrive.
  std::function<void(std::string_view)> on_body_chunk;
};

struct Response {
  int status = 0;
  Headers headers;
  std::string body;
};

enum class TransportErrorKind {
  connect_failed,      // refused, unreachable, or the connect timeout passed
  dns,                 // the host name did not resolve
  tls,                 // handshake failed or the certificate was not trusted
  timeout,             // the exchange took longer than Request::timeout
  connection_dropped,  // closed mid-request or mid-body (a partial answer)
  aborted,             // the caller asked to stop (Ctrl-C): never retried
  too_large,           // the answer (or its headers) passed the size limit: never retried
  other,
};
// "connection failed", "DNS lookup failed", ...: for messages.
std::string_view to_string(TransportErrorKind kind);

struct TransportError {
  TransportErrorKind kind = TransportErrorKind::other;
  std::string message;  // the detail from the transport, e.g. curl's error buffer
  // The service had begun to answer (a status line came): a timeout then is a slow or endless
  // answer, not an unreachable service.
  bool answer_started = false;
};

using TransportResult = std::variant<Response, TransportError>;

class Transport {
 public:
  virtual ~Transport() = default;
  // Sends `request` and waits for the whole answer. Never throws for network problems: they
  // are returned as a TransportError.
  virtual TransportResult send(const Request& request) = 0;
};

}  // namespace iotc::api
