#pragma once
// The two faults that break a connection rather than answer: drop it, or cut its body short.

#include <httplib.h>

namespace iotc::emulator {

// The socket `req` came on (found by its two ports), or -1.
int connection_socket(const httplib::Request& req);
// Closes the TCP connection `req` came on without answering.
void drop_connection(const httplib::Request& req);
// Makes `res` send its headers and half of its body, then close the connection.
void truncate_body(httplib::Response& res);

}  // namespace iotc::emulator
