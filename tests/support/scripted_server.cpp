#include "scripted_server.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>
#include <zlib.h>

#include <stdexcept>
#include <vector>

namespace iotc::testing {

ScriptedServer::ScriptedServer(Script script) : script_(std::move(script)) {
  listener_ = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (listener_ < 0) throw std::runtime_error("socket");
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  if (bind(listener_, reinterpret_cast<sockaddr*>(&address), length) != 0 ||
      listen(listener_, 16) != 0 ||
      getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    close(listener_);
    throw std::runtime_error("bind/listen on loopback");
  }
  port_ = ntohs(address.sin_port);
  thread_ = std::thread([this] { serve(); });
}

ScriptedServer::~ScriptedServer() {
  stopping_ = true;
  thread_.join();
  close(listener_);
}

std::string ScriptedServer::url() const {
  return "http://127.0.0.1:" + std::to_string(port_);
}

void ScriptedServer::serve() {
  while (!stopping_) {
    pollfd ready{listener_, POLLIN, 0};
    if (poll(&ready, 1, 50) <= 0) continue;
    const int connection = accept4(listener_, nullptr, nullptr, SOCK_CLOEXEC);
    if (connection < 0) continue;
    std::string head;
    char buffer[4096];
    while (head.find("\r\n\r\n") == std::string::npos && head.size() < (1 << 20)) {
      pollfd readable{connection, POLLIN, 0};
      if (poll(&readable, 1, 5000) <= 0) break;
      const ssize_t got = recv(connection, buffer, sizeof buffer, 0);
      if (got <= 0) break;
      head.append(buffer, static_cast<std::size_t>(got));
    }
    ++requests_;
    const Send send = [&](std::string_view bytes) {
      while (!bytes.empty()) {
        if (stopping_) return false;
        const ssize_t sent = ::send(connection, bytes.data(), bytes.size(), MSG_NOSIGNAL);
        if (sent <= 0) return false;
        bytes.remove_prefix(static_cast<std::size_t>(sent));
      }
      return true;
    };
    script_(head, send);
    close(connection);
  }
}

std::string gzip_bomb(std::size_t compressed_bytes) {
  z_stream z{};
  if (deflateInit2(&z, 9, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK) {
    throw std::runtime_error("deflateInit2");
  }
  std::vector<unsigned char> zeros(std::size_t{1} << 20, 0);
  std::vector<unsigned char> out(std::size_t{1} << 20);
  auto deflate_block = [&](int flush) {
    z.next_in = zeros.data();
    z.avail_in = flush == Z_FINISH ? 0 : static_cast<uInt>(zeros.size());
    z.next_out = out.data();
    z.avail_out = static_cast<uInt>(out.size());
    deflate(&z, flush);
    return std::string(reinterpret_cast<char*>(out.data()), out.size() - z.avail_out);
  };
  std::string body = deflate_block(Z_FULL_FLUSH);   // header + the first block
  std::string block = deflate_block(Z_FULL_FLUSH);  // the block that repeats
  deflateEnd(&z);
  while (body.size() < compressed_bytes) body += block;
  return body;
}

}  // namespace iotc::testing
