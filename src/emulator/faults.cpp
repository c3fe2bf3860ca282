#include "emulator/faults.hpp"

#include <array>
#include <utility>

#include "emulator/api_error.hpp"

namespace iotc::emulator {
namespace {

using Json = iotc::model::Json;

// Every kind, in the order the admin API lists them.
constexpr std::array<std::pair<FaultKind, std::string_view>, 8> kKindNames = {{
    {FaultKind::throttle, "429"},
    {FaultKind::throttle_without_retry_after, "429-no-retry-after"},
    {FaultKind::internal_error, "500"},
    {FaultKind::unavailable, "503"},
    {FaultKind::unauthorized, "401"},
    {FaultKind::slow, "slow"},
    {FaultKind::drop, "drop"},
    {FaultKind::truncate, "truncate"},
}};

[[noreturn]] void bad(const std::string& message) {
  throw ApiError(400, codes::kBadRequest, message);
}

// A whole number from `min` to `max` (both >= 0), or `fallback` when absent. Checked as sent,
// before any narrowing: 4294967297 must not become 1, nor 2^31 a negative Retry-After.
int int_in_range(const Json& json, const char* name, int min, int max, int fallback) {
  auto it = json.find(name);
  if (it == json.end()) return fallback;
  const bool whole =
      it->is_number_unsigned() || (it->is_number_integer() && it->get<std::int64_t>() >= 0);
  if (!whole || it->get<std::uint64_t>() < static_cast<std::uint64_t>(min) ||
      it->get<std::uint64_t>() > static_cast<std::uint64_t>(max)) {
    bad(std::string(name) + " must be a whole number from " + std::to_string(min) + " to " +
        std::to_string(max));
  }
  return static_cast<int>(it->get<std::uint64_t>());
}

std::string kind_list() {
  std::string list;
  for (const auto& [kind, name] : kKindNames)
    list += (list.empty() ? "" : ", ") + std::string(name);
  return list;
}

}  // namespace

std::string_view to_string(FaultKind kind) {
  for (const auto& [value, name] : kKindNames) {
    if (value == kind) return name;
  }
  return "";
}

std::optional<FaultKind> parse_fault_kind(std::string_view name) {
  for (const auto& [kind, known] : kKindNames) {
    if (known == name) return kind;
  }
  return std::nullopt;
}

Fault fault_from_json(const Json& json) {
  if (!json.is_object()) bad("a fault is a JSON object");
  Fault fault;
  auto kind = json.find("kind");
  if (kind == json.end() || !kind->is_string()) bad("kind is required");
  auto parsed = parse_fault_kind(kind->get<std::string>());
  if (!parsed) bad("kind must be one of " + kind_list());
  fault.kind = *parsed;
  if (json.contains("method")) {
    if (!json["method"].is_string()) bad("method must be a string");
    fault.method = json["method"].get<std::string>();
  }
  if (json.contains("path")) {
    if (!json["path"].is_string()) bad("path must be a string");
    fault.path_prefix = json["path"].get<std::string>();
  }
  fault.remaining = int_in_range(json, "count", 1, kMaxFaultCount, 1);
  fault.retry_after_seconds =
      int_in_range(json, "retryAfter", 0, kMaxRetryAfterSeconds, kDefaultRetryAfterSeconds);
  fault.delay_ms = int_in_range(json, "delayMs", 0, kMaxFaultDelayMs, kDefaultFaultDelayMs);
  return fault;
}

Json to_json(const Fault& fault) {
  Json json = Json::object();
  json["id"] = fault.id;
  json["kind"] = to_string(fault.kind);
  if (fault.method) json["method"] = *fault.method;
  json["path"] = fault.path_prefix;
  json["remaining"] = fault.remaining;
  if (fault.kind == FaultKind::throttle) json["retryAfter"] = fault.retry_after_seconds;
  if (fault.kind == FaultKind::slow) json["delayMs"] = fault.delay_ms;
  return json;
}

Fault FaultList::add(Fault fault) {
  std::lock_guard lock(mutex_);
  fault.id = next_id_++;
  faults_.push_back(fault);
  return fault;
}

std::optional<Fault> FaultList::take(const std::string& method, const std::string& path) {
  std::lock_guard lock(mutex_);
  for (auto it = faults_.begin(); it != faults_.end(); ++it) {
    if (it->method && *it->method != method) continue;
    if (path.rfind(it->path_prefix, 0) != 0) continue;
    Fault taken = *it;
    if (--it->remaining <= 0) faults_.erase(it);
    return taken;
  }
  return std::nullopt;
}

std::vector<Fault> FaultList::list() const {
  std::lock_guard lock(mutex_);
  return faults_;
}

void FaultList::clear() {
  std::lock_guard lock(mutex_);
  faults_.clear();
}

}  // namespace iotc::emulator
