#pragma once
// The libcurl Transport. One easy handle lives as long as the CurlTransport and is reused for
// every request, so that pages and polls ride one kept-alive connection (and one TLS session).
// Not thread-safe: one CurlTransport per thread.

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "api/transport.hpp"
#include "defaults.hpp"

namespace iotc::api {

struct CurlOptions {
  std::chrono::milliseconds connect_timeout = defaults::kConnectTimeout;
  // Used for requests whose Request::timeout is zero.
  std::chrono::milliseconds default_timeout = defaults::kAttemptTimeout;
  // The most bytes of one answer's body, decoded (defaults::kMaxAnswerBytes), and of its
  // headers: beyond them the transfer stops with TransportErrorKind::too_large.
  std::size_t max_answer_bytes = defaults::kMaxAnswerBytes;
  std::size_t max_header_bytes = defaults::kMaxAnswerHeaderBytes;
  // A PEM file of extra CA certificates, trusted IN ADDITION to the system's bundle (--cacert).
  std::optional<std::string> cacert;
  // The same certificates already read (the CLI reads --cacert itself, with its checks on what
  // a file may be); used instead of `cacert` when set.
  std::optional<std::string> cacert_pem;
  // Hosts that never go through a proxy, comma separated (curl's NO_PROXY syntax). The
  // loopback names (127.0.0.1, localhost, ::1) are always added, so that a CI proxy never
  // reroutes traffic to a local emulator. Proxies themselves come from the standard environment
  // (https_proxy, http_proxy, all_proxy), which libcurl reads.
  std::string no_proxy;
  // Polled while a transfer runs (about every second, and on every bit of progress); returning
  // true stops it with TransportErrorKind::aborted, so that Ctrl-C does not wait for a timeout.
  std::function<bool()> abort_requested;
};

class CurlTransport : public Transport {
 public:
  // Throws UsageError when options.cacert cannot be read.
  explicit CurlTransport(CurlOptions options = {});
  ~CurlTransport() override;
  CurlTransport(const CurlTransport&) = delete;
  CurlTransport& operator=(const CurlTransport&) = delete;

  TransportResult send(const Request& request) override;

  // How many new connections the handle has opened so far (keep-alive makes this 1).
  long connections_opened() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace iotc::api
