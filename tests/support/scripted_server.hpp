#pragma once
// A hostile or broken service on a free loopback port, for end-to-end tests of the client: each
// connection's request head is read, then a test's script writes whatever bytes it likes (an
// endless body, a huge header, a gzip bomb) until it is done or the client has gone.

#include <atomic>
#include <functional>
#include <string>
#include <string_view>
#include <thread>

namespace iotc::testing {

class ScriptedServer {
 public:
  // Writes bytes to the client; false once the client has gone (stop writing then).
  using Send = std::function<bool(std::string_view)>;
  // Called once per request with its head ("GET /api/jobs?... HTTP/1.1\r\nHost: ..."); the
  // connection is closed when it returns.
  using Script = std::function<void(const std::string& head, const Send& send)>;

  explicit ScriptedServer(Script script);
  ~ScriptedServer();
  ScriptedServer(const ScriptedServer&) = delete;
  ScriptedServer& operator=(const ScriptedServer&) = delete;

  std::string url() const;  // "http://127.0.0.1:PORT"
  int requests() const { return requests_; }

 private:
  void serve();
  Script script_;
  int listener_ = -1;
  int port_ = 0;
  std::atomic<bool> stopping_{false};
  std::atomic<int> requests_{0};
  std::thread thread_;
};

// A gzip body of about `compressed_bytes` that decodes to about a thousand times as many zero
// bytes. Deflating gigabytes would take the test's time, so one block of zeros is deflated after
// a full flush (which makes every such block the same bytes) and repeated. No trailer: a reader
// with a cap stops long before the end.
std::string gzip_bomb(std::size_t compressed_bytes);

}  // namespace iotc::testing
