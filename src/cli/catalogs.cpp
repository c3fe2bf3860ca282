#include "cli/catalogs.hpp"

#include <array>

namespace iotc::cli {
namespace {

using output::CellKind;
using output::Column;

const std::array<Column, 14> kJobColumns{{
    {"id", "ID", CellKind::text, false},
    {"displayName", "NAME", CellKind::text, true},
    {"status", "STATUS", CellKind::status, false},
    {"data", "DATA", CellKind::job_data, true},
    {"progress", "PROGRESS", CellKind::progress, false},
    {"start", "STARTED", CellKind::time, false},
    {"end", "ENDED", CellKind::time, false},
    {"group", "GROUP", CellKind::text, true},
    {"description", "DESCRIPTION", CellKind::text, true},
    {"batch", "BATCH", CellKind::size, false},
    {"cancellationThreshold", "CANCEL THRESHOLD", CellKind::size, false},
    {"organizations", "ORGANIZATIONS", CellKind::id_list, true},
    {"scheduledJobId", "SCHEDULED JOB", CellKind::text, true},
    {"progress.failed", "FAILED", CellKind::text, false},
}};

constexpr std::array<std::string_view, 6> kJobList{"id",       "displayName", "status",
                                                   "progress", "start",       "data"};
constexpr std::array<std::string_view, 13> kJobDetail{
    "id",    "displayName", "description",           "status",        "group",
    "data",  "batch",       "cancellationThreshold", "organizations", "progress",
    "start", "end",         "scheduledJobId"};

const std::array<Column, 2> kDeviceColumns{{
    {"id", "DEVICE", CellKind::text, true},
    {"status", "STATUS", CellKind::status, false},
}};
constexpr std::array<std::string_view, 2> kDevice{"id", "status"};

const std::array<Column, 4> kSummaryColumns{{
    {"total", "TOTAL", CellKind::text, false},
    {"pending", "PENDING", CellKind::text, false},
    {"completed", "COMPLETED", CellKind::text, false},
    {"failed", "FAILED", CellKind::text, false},
}};
constexpr std::array<std::string_view, 4> kSummary{"total", "pending", "completed", "failed"};

}  // namespace

std::span<const output::Column> job_catalog() {
  return kJobColumns;
}
std::span<const std::string_view> job_list_columns() {
  return kJobList;
}
std::span<const std::string_view> job_detail_columns() {
  return kJobDetail;
}
std::span<const output::Column> device_catalog() {
  return kDeviceColumns;
}
std::span<const std::string_view> device_columns() {
  return kDevice;
}
std::span<const output::Column> summary_catalog() {
  return kSummaryColumns;
}
std::span<const std::string_view> summary_columns() {
  return kSummary;
}

std::vector<output::Column> every_column() {
  std::vector<output::Column> columns;
  for (const auto catalog : {job_catalog(), device_catalog(), summary_catalog()}) {
    columns.insert(columns.end(), catalog.begin(), catalog.end());
  }
  return columns;
}

}  // namespace iotc::cli
