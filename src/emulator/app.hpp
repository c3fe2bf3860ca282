#pragma once
// Everything a request handler needs: the state (store, clock, engine) behind one lock, the
// faults and the request log, and the service settings. One per process; no globals.

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "emulator/clock.hpp"
#include "emulator/engine.hpp"
#include "emulator/faults.hpp"
#include "emulator/rate_limit.hpp"
#include "emulator/request_log.hpp"
#include "emulator/scheduler.hpp"
#include "emulator/store.hpp"
#include "emulator/store_schedules.hpp"

namespace iotc::emulator {

inline constexpr std::int64_t kDefaultPageSize = 100;
inline constexpr std::int64_t kMaxPageSizeParameter = 100;  // maxpagesize is 1..100

// How a PUT /jobs/{id} for an id that exists is answered. The service documents neither: its
// create is "create and execute a new job" (docs/emulator.md, inferred behaviours).
enum class DuplicateCreate {
  conflict,    // 409 JobAlreadyExists, whatever the payload (the default)
  idempotent,  // the same payload again: 200 with the job as it is; another payload: 409
};

struct ServiceSettings {
  std::vector<std::string> tokens;  // accepted credentials (see auth.hpp)
  // The organization tokens[i] is tied to, if token_organizations[i] is not empty: its caller
  // sees that organization and its descendants only. Missing entries: the whole app.
  std::vector<std::string> token_organizations;
  std::int64_t page_size = kDefaultPageSize;
  std::string public_url;  // base of nextLink; empty: from the request's Host header
  bool verbose = false;
  double rate_limit = 0;  // requests per second; 0: no throttle
  DuplicateCreate duplicate_create = DuplicateCreate::conflict;

  // The scope of a caller whose header matched tokens[token_index] (check_authorization).
  Scope scope_of_token(std::size_t token_index) const {
    if (token_index >= token_organizations.size() || token_organizations[token_index].empty()) {
      return std::nullopt;
    }
    return token_organizations[token_index];
  }
};

struct App {
  App(std::unique_ptr<Store> store_in, std::unique_ptr<Clock> clock_in,
      EngineSettings engine_settings, ServiceSettings service_in)
      : store(std::move(store_in)),
        clock(std::move(clock_in)),
        engine(*store, *clock, engine_settings),
        service(std::move(service_in)),
        throttle(service.rate_limit),
        schedules(store->db()),
        scheduler(*store, schedules, engine) {
    engine.set_due_hook([this](TimeMs now) { scheduler.run_due(now); });
  }

  std::unique_ptr<Store> store;
  std::unique_ptr<Clock> clock;
  Engine engine;
  ServiceSettings service;
  FaultList faults;
  RequestLog requests;
  RateLimiter throttle;
  ScheduleStore schedules;
  Scheduler scheduler;  // run by every engine advance
  std::mutex state_mutex;  // guards store, clock advances and engine

  // Saves the emulated time so that a restart with the same state does not go back in time.
  void save_clock() { store->set_meta("clock", std::to_string(clock->now())); }
};

}  // namespace iotc::emulator
