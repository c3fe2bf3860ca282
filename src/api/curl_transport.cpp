// The only file that includes curl.

#include "api/curl_transport.hpp"

#include <curl/curl.h>

#include <cstring>
#include <fstream>
#include <sstream>

#include "errors.hpp"

namespace iotc::api {
namespace {

// Where Debian's (and most distributions') CA bundle lives, when curl cannot tell us.
constexpr const char* kSystemCaBundle = "/etc/ssl/certs/ca-certificates.crt";
// Bytes read from the socket at a time (libcurl's default is 16 KiB): a page of a listing is
// tens of kilobytes, so fewer reads and polls per page. The curl tool uses the same size.
constexpr long kReceiveBufferBytes = 100 * 1024;
// Loopback never goes through a proxy: a CI proxy must not reroute traffic to a local emulator.
constexpr std::string_view kLoopbackNoProxy = "127.0.0.1,localhost,::1";

std::optional<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return content.str();
}

TransportErrorKind kind_of(CURLcode code) {
  switch (code) {
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
      return TransportErrorKind::dns;
    case CURLE_COULDNT_CONNECT:
      return TransportErrorKind::connect_failed;
    case CURLE_OPERATION_TIMEDOUT:
      return TransportErrorKind::timeout;
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
    case CURLE_SSL_CRL_BADFILE:
    case CURLE_SSL_SHUTDOWN_FAILED:
      return TransportErrorKind::tls;
    case CURLE_PARTIAL_FILE:
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
    case CURLE_BAD_CONTENT_ENCODING:
      return TransportErrorKind::connection_dropped;
    case CURLE_ABORTED_BY_CALLBACK:
      return TransportErrorKind::aborted;
    default:
      return TransportErrorKind::other;
  }
}

struct Exchange {
  const Request* request;
  const CurlOptions* options;
  Response response;
  std::size_t header_bytes = 0;
  bool started = false;         // a status line came
  bool body_too_large = false;  // stopped at options->max_answer_bytes
  bool headers_too_large = false;
};

std::string mib_text(std::size_t bytes) {
  return bytes % (std::size_t{1} << 20) == 0 ? std::to_string(bytes >> 20) + " MiB"
                                             : std::to_string(bytes >> 10) + " KiB";
}

size_t on_body(char* data, size_t size, size_t count, void* user) {
  auto* exchange = static_cast<Exchange*>(user);
  std::string_view chunk(data, size * count);
  // Decoded bytes: an answer that is small on the wire but inflates (gzip) stops here too.
  if (exchange->response.body.size() + chunk.size() > exchange->options->max_answer_bytes) {
    exchange->body_too_large = true;
    return 0;  // anything but chunk.size(): curl stops with CURLE_WRITE_ERROR
  }
  exchange->response.body.append(chunk);
  if (exchange->request->on_body_chunk) exchange->request->on_body_chunk(chunk);
  return chunk.size();
}

size_t on_header(char* data, size_t size, size_t count, void* user) {
  auto* exchange = static_cast<Exchange*>(user);
  std::string_view line(data, size * count);
  exchange->started = true;
  exchange->header_bytes += line.size();
  if (exchange->header_bytes > exchange->options->max_header_bytes) {
    exchange->headers_too_large = true;
    return 0;
  }
  while (!line.empty() && (line.back() == '\r' || line.back() == '\n')) line.remove_suffix(1);
  if (line.starts_with("HTTP/")) {
    exchange->response.headers = {};  // a new status line (after a 100 Continue): start over
    return size * count;
  }
  std::size_t colon = line.find(':');
  if (colon == std::string_view::npos) return size * count;
  std::string_view value = line.substr(colon + 1);
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  exchange->response.headers.add(line.substr(0, colon), value);
  return size * count;
}

int on_progress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  const auto* abort_requested = static_cast<const std::function<bool()>*>(user);
  return (*abort_requested)() ? 1 : 0;
}

}  // namespace

// Owns the handle and the global init, so that a constructor that throws half-way (an unreadable
// --cacert) still releases both.
struct CurlTransport::Impl {
  Impl() {
    curl_global_init(CURL_GLOBAL_DEFAULT);  // reference-counted and thread-safe since 7.84
    handle = curl_easy_init();
  }
  ~Impl() {
    if (handle) curl_easy_cleanup(handle);
    curl_global_cleanup();
  }
  Impl(const Impl&) = delete;
  Impl& operator=(const Impl&) = delete;

  CURL* handle = nullptr;
  CurlOptions options;
  std::string ca_blob;  // the system bundle plus --cacert, when --cacert is given
  std::string no_proxy;
  long connections = 0;
  char error[CURL_ERROR_SIZE] = {};
};

CurlTransport::CurlTransport(CurlOptions options) : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
  if (!impl_->handle) throw Error("cannot initialise libcurl");
  CURL* h = impl_->handle;

  // curl understands "*" (no proxy at all) only as the whole list.
  if (impl_->options.no_proxy == "*") {
    impl_->no_proxy = "*";
  } else {
    impl_->no_proxy = std::string(kLoopbackNoProxy);
    if (!impl_->options.no_proxy.empty()) impl_->no_proxy += "," + impl_->options.no_proxy;
  }

  if (impl_->options.cacert || impl_->options.cacert_pem) {
    // CURLOPT_CAINFO would REPLACE the system bundle; --cacert adds to it instead.
    std::optional<std::string> extra = impl_->options.cacert_pem;
    if (!extra) extra = read_file(*impl_->options.cacert);
    if (!extra) {
      throw UsageError("--cacert '" + *impl_->options.cacert + "' cannot be read");
    }
    char* default_path = nullptr;
    curl_easy_getinfo(h, CURLINFO_CAINFO, &default_path);
    std::optional<std::string> system = read_file(default_path ? default_path : kSystemCaBundle);
    if (!system && default_path) system = read_file(kSystemCaBundle);
    impl_->ca_blob = system.value_or("") + "\n" + *extra + "\n";
  }

  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(h, CURLOPT_ERRORBUFFER, impl_->error);
  curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);  // the token goes nowhere but the base URL
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
  curl_easy_setopt(h, CURLOPT_NOPROXY, impl_->no_proxy.c_str());
  curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "");  // every encoding curl can decode
  curl_easy_setopt(h, CURLOPT_TCP_KEEPALIVE, 1L);
  curl_easy_setopt(h, CURLOPT_BUFFERSIZE, kReceiveBufferBytes);
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, on_header);
  if (impl_->options.abort_requested) {
    curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, on_progress);
    curl_easy_setopt(h, CURLOPT_XFERINFODATA, &impl_->options.abort_requested);
    curl_easy_setopt(h, CURLOPT_NOPROGRESS, 0L);
  }
  if (!impl_->ca_blob.empty()) {
    curl_blob blob{impl_->ca_blob.data(), impl_->ca_blob.size(), CURL_BLOB_NOCOPY};
    curl_easy_setopt(h, CURLOPT_CAINFO_BLOB, &blob);
  }
}

CurlTransport::~CurlTransport() = default;

long CurlTransport::connections_opened() const {
  return impl_->connections;
}

TransportResult CurlTransport::send(const Request& request) {
  CURL* h = impl_->handle;
  Exchange exchange{&request, &impl_->options, {}};
  impl_->error[0] = '\0';

  curl_slist* headers = nullptr;
  for (const auto& [name, value] : request.headers) {
    headers = curl_slist_append(headers, (name + ": " + value).c_str());
  }
  // curl would add these on its own: a form Content-Type for bodies, and Expect: 100-continue,
  // which costs a round trip for nothing.
  if (!request.headers.contains("Content-Type"))
    headers = curl_slist_append(headers, "Content-Type:");
  headers = curl_slist_append(headers, "Expect:");

  curl_easy_setopt(h, CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers);
  // libcurl silently sends a request again when a reused connection answers nothing; for a write
  // that is a second attempt --retries never allowed, so writes (which now follow a GET of the
  // same job) take a fresh connection. Reads keep reusing it.
  curl_easy_setopt(h, CURLOPT_FRESH_CONNECT, request.method == Method::get ? 0L : 1L);
  if (request.method == Method::get) {
    curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, nullptr);
    curl_easy_setopt(h, CURLOPT_HTTPGET, 1L);
  } else {
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, request.body.data());
    curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
    curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, std::string(to_string(request.method)).c_str());
  }
  const auto timeout =
      request.timeout.count() > 0 ? request.timeout : impl_->options.default_timeout;
  const auto connect_timeout = std::min(timeout, impl_->options.connect_timeout);
  curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, static_cast<long>(timeout.count()));
  curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(connect_timeout.count()));
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &exchange);
  curl_easy_setopt(h, CURLOPT_HEADERDATA, &exchange);

  CURLcode code = curl_easy_perform(h);
  curl_easy_setopt(h, CURLOPT_HTTPHEADER, nullptr);
  curl_slist_free_all(headers);

  long new_connections = 0;
  curl_easy_getinfo(h, CURLINFO_NUM_CONNECTS, &new_connections);
  impl_->connections += new_connections;

  if (exchange.body_too_large) {
    return TransportError{TransportErrorKind::too_large,
                          "the answer is larger than " + mib_text(impl_->options.max_answer_bytes) +
                              ", the most iotc-jobs reads of one answer",
                          true};
  }
  // curl refuses a single header line over 100 KB itself, as "out of memory": say what it is.
  if (exchange.headers_too_large || (code == CURLE_OUT_OF_MEMORY && exchange.started)) {
    return TransportError{TransportErrorKind::too_large,
                          "the answer's headers are larger than iotc-jobs reads (" +
                              mib_text(impl_->options.max_header_bytes) +
                              " in all, 100 KiB a line)",
                          true};
  }
  if (code != CURLE_OK) {
    std::string message = impl_->error[0] ? impl_->error : curl_easy_strerror(code);
    // curl's text says what it tried ("Couldn't connect to server"); the system says why.
    long os_errno = 0;
    if (curl_easy_getinfo(h, CURLINFO_OS_ERRNO, &os_errno) == CURLE_OK && os_errno != 0) {
      message += " (" + std::string(std::strerror(static_cast<int>(os_errno))) + ")";
    }
    return TransportError{kind_of(code), std::move(message), exchange.started};
  }
  long status = 0;
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
  exchange.response.status = static_cast<int>(status);
  return std::move(exchange.response);
}

}  // namespace iotc::api
