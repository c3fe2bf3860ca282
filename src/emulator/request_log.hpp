#pragma once
// The log of service requests, read through the admin API: method, path, status and the TCP
// connection they came on (so tests can count connections). It never holds a credential.

#include <cstdint>
#include <deque>
#include <mutex>
#include <string>

#include "model/job.hpp"

namespace iotc::emulator {

inline constexpr std::size_t kRequestLogCapacity = 10000;  // oldest entries are dropped

struct RequestLogEntry {
  std::int64_t seq = 0;
  std::string time;  // wall-clock ISO 8601
  std::string method;
  std::string path;
  std::string query;       // the query string (api-version, paging); never headers
  int status = 0;          // 0: no answer was sent (a dropped connection)
  std::string connection;  // "127.0.0.1:53412": the client's address and port
  std::string request_id;
  std::string fault;  // the injected fault's kind, if any
};

class RequestLog {
 public:
  void add(RequestLogEntry entry);
  iotc::model::Json to_json() const;  // {"value": [...]}, oldest first
  void clear();

 private:
  mutable std::mutex mutex_;
  std::deque<RequestLogEntry> entries_;
  std::int64_t next_seq_ = 1;
};

}  // namespace iotc::emulator
