#include "emulator/listener.hpp"

#include <netdb.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <system_error>
#include <thread>

namespace iotc::emulator {
namespace {

class ConnectionThreads : public httplib::TaskQueue {
 public:
  void enqueue(std::function<void()> task) override {
    std::lock_guard lock(state_->mutex);
    if (state_->running < kMaxConnectionThreads) {
      try {
        std::thread(serve, state_, std::move(task)).detach();
        ++state_->running;
        return;
      } catch (const std::system_error&) {
        // No thread to be had now: the connection waits for one that finishes.
      }
    }
    state_->waiting.push_back(std::move(task));
  }

  // httplib calls it once the listening socket is closed; every connection is then served to
  // its end (each leaves between two requests, as the listening socket is gone).
  void shutdown() override {
    std::unique_lock lock(state_->mutex);
    state_->all_done.wait(lock, [&] { return state_->running == 0 && state_->waiting.empty(); });
  }

 private:
  // Shared with the detached threads, which may outlive this queue by the few instructions
  // after their last notify.
  struct State {
    std::mutex mutex;
    std::condition_variable all_done;
    std::deque<std::function<void()>> waiting;
    std::size_t running = 0;
  };

  static void serve(std::shared_ptr<State> state, std::function<void()> task) {
    while (true) {
      task();
      std::lock_guard lock(state->mutex);
      if (state->waiting.empty()) {
        if (--state->running == 0) state->all_done.notify_all();
        return;
      }
      task = std::move(state->waiting.front());
      state->waiting.pop_front();
    }
  }

  std::shared_ptr<State> state_ = std::make_shared<State>();
};

// httplib keeps the listening socket in a protected member; this names it through a derived
// class, which C++ allows for a pointer to member.
struct ListeningSocket : httplib::Server {
  static int of(httplib::Server& server) { return server.*(&ListeningSocket::svr_sock_); }
};

}  // namespace

httplib::TaskQueue* new_connection_queue() {
  return new ConnectionThreads();
}

void configure_connections(httplib::Server& server) {
  server.new_task_queue = new_connection_queue;
  server.set_read_timeout(kReadTimeout);
  server.set_write_timeout(kWriteTimeout);
  server.set_keep_alive_timeout(kKeepAliveTimeout.count());
  server.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
}

void raise_open_file_limit() {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur >= kWantedOpenFiles) return;
  limit.rlim_cur = limit.rlim_max == RLIM_INFINITY || limit.rlim_max > kWantedOpenFiles
                       ? kWantedOpenFiles
                       : limit.rlim_max;
  setrlimit(RLIMIT_NOFILE, &limit);
}

void widen_backlog(httplib::Server& server) {
  int sock = ListeningSocket::of(server);
  if (sock >= 0) ::listen(sock, kListenBacklog);  // Linux takes a new backlog on a listening socket
}

std::string bind_error(const std::string& host, int port) {
  addrinfo hints{};
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE;
  addrinfo* found = nullptr;
  if (getaddrinfo(host.c_str(), std::to_string(port).c_str(), &hints, &found) != 0) {
    return "cannot resolve the host";
  }
  std::string why;
  for (addrinfo* ai = found; ai != nullptr; ai = ai->ai_next) {
    int sock = ::socket(ai->ai_family, ai->ai_socktype, ai->ai_protocol);
    if (sock < 0) continue;
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    int error = ::bind(sock, ai->ai_addr, ai->ai_addrlen) == 0 ? 0 : errno;
    ::close(sock);
    if (error == 0) {
      why.clear();
      break;
    }
    why = error == EADDRINUSE ? "address in use" : std::strerror(error);
  }
  freeaddrinfo(found);
  return why;
}

}  // namespace iotc::emulator
