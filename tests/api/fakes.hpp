#pragma once
// Fakes for the api tests: a clock that only moves when told (or when "slept"), and a
// transport that answers from a script and records what it was sent.

#include <deque>
#include <functional>
#include <string>
#include <vector>

#include "api/clock.hpp"
#include "api/transport.hpp"

namespace iotc::testing {

class FakeClock : public api::Clock {
 public:
  time_point now() const override { return now_; }
  std::chrono::system_clock::time_point wall_now() const override { return wall_; }
  void sleep_for(std::chrono::milliseconds duration) override {
    sleeps.push_back(duration);
    advance(duration);
  }
  void advance(std::chrono::milliseconds duration) {
    now_ += duration;
    wall_ += duration;
  }
  void set_wall(std::chrono::system_clock::time_point wall) { wall_ = wall; }

  std::vector<std::chrono::milliseconds> sleeps;

 private:
  time_point now_{std::chrono::hours(1000)};
  std::chrono::system_clock::time_point wall_{std::chrono::sys_days(std::chrono::year_month_day(
      std::chrono::year(2026), std::chrono::month(11), std::chrono::day(27)))};
};

inline api::Response response(int status, std::string body = {}, api::Headers headers = {}) {
  api::Response r;
  r.status = status;
  r.body = std::move(body);
  r.headers = std::move(headers);
  return r;
}

inline api::TransportError transport_error(api::TransportErrorKind kind) {
  return api::TransportError{kind, "fake failure"};
}

// Answers each request with the next scripted result; each answer "takes" `latency`.
class FakeTransport : public api::Transport {
 public:
  explicit FakeTransport(FakeClock* clock = nullptr) : clock_(clock) {}
  api::TransportResult send(const api::Request& request) override {
    requests.push_back(request);
    // Like a real transport, an answer slower than the request's timeout is a timeout.
    if (request.timeout.count() > 0 && latency > request.timeout) {
      if (clock_) clock_->advance(request.timeout);
      return api::TransportError{api::TransportErrorKind::timeout, "fake timeout"};
    }
    if (clock_) clock_->advance(latency);
    if (handler) return handler(request);
    if (script.empty()) return api::TransportError{api::TransportErrorKind::other, "no script"};
    api::TransportResult next = script.front();
    script.pop_front();
    return next;
  }

  std::deque<api::TransportResult> script;
  std::function<api::TransportResult(const api::Request&)> handler;
  std::vector<api::Request> requests;
  std::chrono::milliseconds latency{10};

 private:
  FakeClock* clock_;
};

}  // namespace iotc::testing
