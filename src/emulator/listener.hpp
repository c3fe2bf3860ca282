#pragma once
// How the emulator accepts connections, so that slow or idle clients cannot starve the others.
//
// httplib 0.11 serves each connection on one thread of a fixed pool for as long as it lives: a
// client that drips one header byte a second (never tripping the 5 s read timeout) or keeps an
// idle connection open holds a pool thread, and 64 of them left real requests waiting for
// minutes. Here every connection gets its own thread, up to kMaxConnectionThreads; idle
// kept-alive connections are closed after kKeepAliveTimeout, and a silent read fails after
// kReadTimeout.

#include <httplib.h>

#include <chrono>
#include <cstddef>
#include <string>

namespace iotc::emulator {

// Connections served at once; more wait for a thread, oldest first. Far above what a test
// suite opens, and low enough that the threads' memory (mostly untouched stack) stays small.
inline constexpr std::size_t kMaxConnectionThreads = 4096;
// Pending connections the kernel holds for accept() (httplib listens with a backlog of 5, so
// a burst of connections saw SYNs dropped and retried a second or more later).
inline constexpr int kListenBacklog = 4096;
// The file descriptors the emulator asks for (soft limit, up to the hard one): a connection
// costs one, and the common default of 1,024 would refuse connections long before
// kMaxConnectionThreads.
inline constexpr unsigned long kWantedOpenFiles = kMaxConnectionThreads + 1024;
inline constexpr std::chrono::seconds kReadTimeout{5};       // one read of a request
inline constexpr std::chrono::seconds kWriteTimeout{5};      // one write of an answer
inline constexpr std::chrono::seconds kKeepAliveTimeout{5};  // idle between two requests

// A task queue for httplib::Server::new_task_queue: one thread per connection, at most
// kMaxConnectionThreads at once.
httplib::TaskQueue* new_connection_queue();

// Applies the timeouts above, the connection queue, and socket options that set SO_REUSEADDR
// but not httplib's default SO_REUSEPORT, under which a second emulator could bind the same port
// and the kernel would split connections between two separate states.
void configure_connections(httplib::Server& server);

// Raises the soft limit of open files toward kWantedOpenFiles (never above the hard limit).
void raise_open_file_limit();

// Call after a successful bind: widens the listen backlog of the bound socket.
void widen_backlog(httplib::Server& server);

// Why binding host:port fails (e.g. "address in use"), found by trying it the way the server
// does; empty when it would succeed now.
std::string bind_error(const std::string& host, int port);

}  // namespace iotc::emulator
