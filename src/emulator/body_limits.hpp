#pragma once
// Request bodies read within limits, and only once the headers allowed it.
//
// httplib 0.11 reads (and gunzips) a whole body into memory before any handler runs, with no
// size limit. The emulator registers content-reader handlers instead, checks auth from the
// headers, and only then reads the body through RequestBody, which stops at the caps below.

#include <httplib.h>

#include <cstddef>
#include <string>

namespace iotc::emulator {

// The largest body accepted, as sent (Content-Length, or the chunks of a chunked body) and once
// decoded (Content-Encoding gzip, deflate or br). The largest legitimate request is a job
// payload: its data values are device properties and command payloads, which IoT Central
// keeps far below this (a device twin holds 32 KB); 4 MiB leaves room for any real job with a
// wide margin, and bounds what one request can make the emulator hold.
inline constexpr std::size_t kMaxRequestBodyBytes = std::size_t{4} << 20;
inline constexpr std::size_t kMaxDecodedBodyBytes = std::size_t{4} << 20;

class RequestBody {
 public:
  // `reader` is null for methods httplib reads no body for (GET, OPTIONS).
  RequestBody(const httplib::Request& req, const httplib::ContentReader* reader)
      : req_(req), reader_(reader) {}

  // True when the request announces a body: a Content-Length other than 0, or any
  // Transfer-Encoding. A request answered without reading it must close its connection, or the
  // body would be read as the next request.
  bool announced() const;
  // The body, read on the first call. No Content-Length and no Transfer-Encoding is an empty
  // body (RFC 9112 6.3: what `curl -X POST URL` sends). Throws ApiError: 413 beyond a cap, 400
  // for a malformed Content-Length or Transfer-Encoding or a body cut short; the error asks to
  // close the connection (see close_requested).
  const std::string& read();
  bool consumed() const { return done_; }

 private:
  const httplib::Request& req_;
  const httplib::ContentReader* reader_;
  std::string body_;
  bool done_ = false;
};

// The response header that tells dispatch to close the connection after answering.
bool close_requested(const httplib::Response& res);
// Makes httplib close the connection once `res` (with a non-empty body) is sent: its content
// provider writes the whole body, then reports failure, which is the one way httplib 0.11 lets
// a handler end a kept-alive connection. Before that it closes the sending side and reads what
// the client still sends for a moment (a lingering close): closing with unread bytes would
// send a reset, which can make the client lose the answer it was sent.
void close_after_answer(const httplib::Request& req, httplib::Response& res);

}  // namespace iotc::emulator
