#include "model/status.hpp"

#include <array>
#include <utility>

namespace iotc::model {
namespace {
constexpr std::array<std::pair<JobStatus, std::string_view>, 6> kJobStatuses{{
    {JobStatus::pending, "pending"},
    {JobStatus::running, "running"},
    {JobStatus::complete, "complete"},
    {JobStatus::failed, "failed"},
    {JobStatus::cancelled, "cancelled"},
    {JobStatus::stopped, "stopped"},
}};
constexpr std::array<std::pair<DeviceStatus, std::string_view>, 3> kDeviceStatuses{{
    {DeviceStatus::pending, "pending"},
    {DeviceStatus::completed, "completed"},
    {DeviceStatus::failed, "failed"},
}};

template <typename Enum, std::size_t N>
Enum lookup(const std::array<std::pair<Enum, std::string_view>, N>& table, std::string_view text,
            Enum fallback) {
  for (const auto& [value, name] : table) {
    if (name == text) return value;
  }
  return fallback;
}

template <typename Enum, std::size_t N>
std::string_view name_of(const std::array<std::pair<Enum, std::string_view>, N>& table,
                         Enum value) {
  for (const auto& [candidate, name] : table) {
    if (candidate == value) return name;
  }
  return "unknown";
}
}  // namespace

JobStatus parse_job_status(std::string_view text) {
  return lookup(kJobStatuses, text, JobStatus::unknown);
}
DeviceStatus parse_device_status(std::string_view text) {
  return lookup(kDeviceStatuses, text, DeviceStatus::unknown);
}
std::string_view to_string(JobStatus status) {
  return name_of(kJobStatuses, status);
}
std::string_view to_string(DeviceStatus status) {
  return name_of(kDeviceStatuses, status);
}

bool is_finished(JobStatus status) {
  return status != JobStatus::pending && status != JobStatus::running &&
         status != JobStatus::unknown;
}

}  // namespace iotc::model
