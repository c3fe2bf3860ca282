// The admin API under /_emulator/: the clock, device behaviors, faults, the request log, reset.
#include <cmath>

#include "emulator/api_error.hpp"
#include "emulator/router.hpp"
#include "emulator/views.hpp"

namespace iotc::emulator {
namespace {

Json clock_view(App& app) {
  return {{"now", format_iso8601(app.clock->now())},
          {"manual", app.clock->is_manual()},
          {"timeScale", app.clock->scale()}};
}

// A number of seconds in milliseconds; nullopt when negative, not finite or beyond the clock's
// range (a double that large has no int64 value: the cast alone would be undefined).
std::optional<TimeMs> seconds_to_ms(double seconds) {
  if (!std::isfinite(seconds) || seconds < 0) return std::nullopt;
  double ms = std::round(seconds * 1000.0);
  if (ms > static_cast<double>(kLatestTime)) return std::nullopt;
  return static_cast<TimeMs>(ms);
}

void get_clock(Call& call) {
  send_json(call.res, 200, clock_view(call.app));
}

// {"advance": "10s"} or {"advance": 10} (seconds).
void advance_clock(Call& call) {
  Json body = parse_body(call);
  auto advance = body.is_object() ? body.find("advance") : body.end();
  std::optional<TimeMs> delta;
  if (advance != body.end() && advance->is_number()) {
    delta = seconds_to_ms(advance->get<double>());
  } else if (advance != body.end() && advance->is_string()) {
    delta = parse_duration_ms(advance->get<std::string>());
  }
  if (!delta) {
    throw ApiError(400, codes::kBadRequest,
                   "Send {\"advance\": \"10s\"} (ms, s, m, h, d) or a number of seconds, 0 or "
                   "more.");
  }
  if (*delta > kLatestTime - call.app.clock->now()) {
    throw ApiError(400, codes::kBadRequest,
                   "advance: out of range: the clock cannot pass " + format_iso8601(kLatestTime) +
                       " (at most " + std::to_string((kLatestTime - call.app.clock->now()) / 1000) +
                       " seconds from now).");
  }
  call.app.engine.advance();  // settle everything due before the jump, in order
  call.app.clock->advance(*delta);
  // Saved before the engine writes at the new time: after a kill -9 the clock is never behind
  // the state.
  call.app.save_clock();
  call.app.engine.advance();
  send_json(call.res, 200, clock_view(call.app));
}

Json admin_device_view(const DeviceRecord& device) {
  Json json = device_view(device);
  json["behavior"] = std::string(to_string(device.behavior));
  return json;
}

void get_device(Call& call) {
  auto device = call.app.store->device(call.params[0]);
  if (!device) throw ApiError(404, codes::kNotFound, "Device '" + call.params[0] + "' not found.");
  send_json(call.res, 200, admin_device_view(*device));
}

// {"behavior": "succeeds" | "fails" | "slow" | "offline"}
void set_device(Call& call) {
  Json body = parse_body(call);
  auto value = body.is_object() ? body.find("behavior") : body.end();
  if (body.is_object() && value == body.end()) value = body.find("behaviour");
  auto behavior = value != body.end() && value->is_string()
                      ? parse_behavior(value->get<std::string>())
                      : std::nullopt;
  if (!behavior) {
    throw ApiError(400, codes::kBadRequest,
                   "Send {\"behavior\": \"succeeds\" | \"fails\" | \"slow\" | \"offline\"}.");
  }
  call.app.engine.advance();  // devices already due settle with their old behavior
  if (!call.app.store->set_behavior(call.params[0], *behavior)) {
    throw ApiError(404, codes::kNotFound, "Device '" + call.params[0] + "' not found.");
  }
  send_json(call.res, 200, admin_device_view(*call.app.store->device(call.params[0])));
}

void list_faults(Call& call) {
  Json value = Json::array();
  for (const auto& fault : call.app.faults.list()) value.push_back(to_json(fault));
  send_json(call.res, 200, {{"value", value}});
}

// One fault object, or {"faults": [...]}.
void add_faults(Call& call) {
  Json body = parse_body(call);
  Json items = body.is_object() && body.contains("faults") ? body["faults"] : Json::array({body});
  if (!items.is_array()) throw ApiError(400, codes::kBadRequest, "faults must be an array.");
  std::vector<Fault> parsed;
  for (const auto& item : items) parsed.push_back(fault_from_json(item));
  Json value = Json::array();
  for (auto& fault : parsed) value.push_back(to_json(call.app.faults.add(fault)));
  send_json(call.res, 201, {{"value", value}});
}

void clear_faults(Call& call) {
  call.app.faults.clear();
  send_no_content(call.res);
}

void list_requests(Call& call) {
  send_json(call.res, 200, call.app.requests.to_json());
}

void clear_requests(Call& call) {
  call.app.requests.clear();
  send_no_content(call.res);
}

// Deletes every job and scheduled job, restores the seed's device behaviors, clears faults and
// the request log. The clock keeps its time.
void reset(Call& call) {
  {
    Transaction tx(call.app.store->db());
    call.app.store->delete_all_jobs();
    call.app.store->reset_groups();
    call.app.schedules.delete_all();
    call.app.store->restore_seed_behaviors();
    tx.commit();
  }
  call.app.faults.clear();
  call.app.requests.clear();
  send_no_content(call.res);
}

}  // namespace

void add_admin_routes(Router& router) {
  router.add_admin("GET", "/_emulator/clock", get_clock);
  router.add_admin("POST", "/_emulator/clock", advance_clock);
  router.add_admin("GET", "/_emulator/devices/{}", get_device);
  router.add_admin("PUT", "/_emulator/devices/{}", set_device);
  router.add_admin("PATCH", "/_emulator/devices/{}", set_device);
  router.add_admin("GET", "/_emulator/faults", list_faults);
  router.add_admin("POST", "/_emulator/faults", add_faults);
  router.add_admin("DELETE", "/_emulator/faults", clear_faults);
  router.add_admin("GET", "/_emulator/requests", list_requests);
  router.add_admin("DELETE", "/_emulator/requests", clear_requests);
  router.add_admin("POST", "/_emulator/reset", reset);
}

}  // namespace iotc::emulator
