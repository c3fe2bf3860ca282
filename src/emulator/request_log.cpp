#include "emulator/request_log.hpp"

namespace iotc::emulator {

void RequestLog::add(RequestLogEntry entry) {
  std::lock_guard lock(mutex_);
  entry.seq = next_seq_++;
  entries_.push_back(std::move(entry));
  while (entries_.size() > kRequestLogCapacity) entries_.pop_front();
}

iotc::model::Json RequestLog::to_json() const {
  std::lock_guard lock(mutex_);
  auto value = iotc::model::Json::array();
  for (const auto& e : entries_) {
    iotc::model::Json item = {{"seq", e.seq},
                              {"time", e.time},
                              {"method", e.method},
                              {"path", e.path},
                              {"query", e.query},
                              {"status", e.status},
                              {"connection", e.connection},
                              {"requestId", e.request_id}};
    if (!e.fault.empty()) item["fault"] = e.fault;
    value.push_back(std::move(item));
  }
  return {{"value", value}};
}

void RequestLog::clear() {
  std::lock_guard lock(mutex_);
  entries_.clear();
}

}  // namespace iotc::emulator
