#pragma once
// Raw HTTP over a loopback socket, for tests that must send what no well-behaved client sends
// (a body announced but not sent, no Content-Length, one header byte at a time).

#include <chrono>
#include <string>

namespace iotc::testing {

// A connected TCP socket to a base URL "http://127.0.0.1:PORT" (closed by the destructor).
class RawConnection {
 public:
  explicit RawConnection(const std::string& base_url);
  ~RawConnection();
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  bool connected() const { return fd_ >= 0; }
  // False when the peer closed or did not read for 5 s.
  bool send(const std::string& bytes);
  // What arrives within `timeout`, until the peer closes or a whole answer (headers and
  // Content-Length bytes of body) is in.
  std::string receive(std::chrono::milliseconds timeout);

 private:
  int fd_ = -1;
};

// The status code of an HTTP answer's first line; 0 when there is none.
int status_of(const std::string& answer);
// The body of an HTTP answer (after the blank line).
std::string body_of(const std::string& answer);

}  // namespace iotc::testing
