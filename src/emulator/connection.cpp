#include "emulator/connection.hpp"

#include <arpa/inet.h>
#include <sys/socket.h>
#include <unistd.h>

#include <memory>

namespace iotc::emulator {
namespace {

constexpr int kMaxFdToScan = 8192;  // above the open files the emulator asks for

int port_of(const sockaddr_storage& address) {
  if (address.ss_family == AF_INET) {
    return ntohs(reinterpret_cast<const sockaddr_in&>(address).sin_port);
  }
  if (address.ss_family == AF_INET6) {
    return ntohs(reinterpret_cast<const sockaddr_in6&>(address).sin6_port);
  }
  return -1;
}

}  // namespace

// httplib does not expose the socket, so find it by its two ports.
int connection_socket(const httplib::Request& req) {
  for (int fd = 0; fd < kMaxFdToScan; ++fd) {
    sockaddr_storage peer{}, local{};
    socklen_t peer_len = sizeof peer, local_len = sizeof local;
    if (getpeername(fd, reinterpret_cast<sockaddr*>(&peer), &peer_len) != 0) continue;
    if (getsockname(fd, reinterpret_cast<sockaddr*>(&local), &local_len) != 0) continue;
    if (port_of(peer) == req.remote_port && port_of(local) == req.local_port) return fd;
  }
  return -1;
}

// shutdown() (not close()) leaves the descriptor to httplib, whose write then fails and which
// closes it as usual.
void drop_connection(const httplib::Request& req) {
  int fd = connection_socket(req);
  if (fd >= 0) shutdown(fd, SHUT_RDWR);
}

// The content provider fails after half of the body, so httplib closes the connection.
void truncate_body(httplib::Response& res) {
  auto body = std::make_shared<std::string>(std::move(res.body));
  res.body.clear();
  std::string type = res.get_header_value("Content-Type");
  res.set_content_provider(body->size(), type.empty() ? "application/json" : type,
                           [body](std::size_t, std::size_t, httplib::DataSink& sink) {
                             sink.write(body->data(), body->size() / 2);
                             return false;
                           });
}

}  // namespace iotc::emulator
