#pragma once
// The HTTP(S) server: binds on loopback, runs every request through one dispatch (faults,
// auth, routing, api-version, the state lock, error bodies, the request log).

#include <httplib.h>

#include <chrono>
#include <memory>
#include <string>

#include "emulator/app.hpp"
#include "emulator/body_limits.hpp"
#include "emulator/router.hpp"

namespace iotc::emulator {

struct ListenOptions {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port
  std::string tls_cert;
  std::string tls_key;
};

class Server {
 public:
  Server(App& app, ListenOptions listen);  // throws std::runtime_error (TLS files)
  ~Server();

  // Binds; throws std::runtime_error when the address is taken. Returns the base URL.
  std::string bind();
  void run();  // serves until stop(); call after bind()
  // Waits until run() (in another thread) serves, so that stop() cannot come too early.
  bool wait_until_running(std::chrono::milliseconds timeout) const;
  void stop();

 private:
  // `reader` is null for methods without a body (GET, OPTIONS).
  void dispatch(const httplib::Request& req, httplib::Response& res,
                const httplib::ContentReader* reader);
  void handle(const httplib::Request& req, httplib::Response& res, RequestLogEntry& entry,
              RequestBody& body);
  std::string request_base_url(const httplib::Request& req) const;

  App& app_;
  ListenOptions listen_;
  std::unique_ptr<httplib::Server> http_;
  Router router_;
  std::string scheme_;
  int port_ = 0;
};

}  // namespace iotc::emulator
