#include "cli/group_catalogs.hpp"

#include <array>

namespace iotc::cli {
namespace {

using output::CellKind;
using output::Column;

const std::array<Column, 6> kGroupColumns{{
    {"id", "ID", CellKind::text, false},
    {"displayName", "NAME", CellKind::text, true},
    {"filter", "FILTER", CellKind::text, true},
    {"description", "DESCRIPTION", CellKind::text, true},
    {"organizations", "ORGANIZATIONS", CellKind::id_list, true},
    {"etag", "ETAG", CellKind::text, false},
}};
constexpr std::array<std::string_view, 3> kGroupList{"id", "displayName", "filter"};
constexpr std::array<std::string_view, 6> kGroupDetail{"id",     "displayName",   "description",
                                                       "filter", "organizations", "etag"};

const std::array<Column, 7> kGroupDeviceColumns{{
    {"id", "DEVICE", CellKind::text, true},
    {"displayName", "NAME", CellKind::text, true},
    {"template", "TEMPLATE", CellKind::text, true},
    {"provisioned", "PROVISIONED", CellKind::text, false},
    {"simulated", "SIMULATED", CellKind::text, false},
    {"enabled", "ENABLED", CellKind::text, false},
    {"organizations", "ORGANIZATIONS", CellKind::id_list, true},
}};
constexpr std::array<std::string_view, 4> kGroupDevice{"id", "displayName", "template",
                                                       "provisioned"};

const std::array<Column, 5> kGroupSummaryColumns{{
    {"total", "TOTAL", CellKind::text, false},
    {"provisioned", "PROVISIONED", CellKind::text, false},
    {"simulated", "SIMULATED", CellKind::text, false},
    {"enabled", "ENABLED", CellKind::text, false},
    {"templates", "TEMPLATES", CellKind::text, true},
}};
constexpr std::array<std::string_view, 5> kGroupSummary{"total", "provisioned", "simulated",
                                                        "enabled", "templates"};

}  // namespace

std::span<const output::Column> group_catalog() {
  return kGroupColumns;
}
std::span<const std::string_view> group_list_columns() {
  return kGroupList;
}
std::span<const std::string_view> group_detail_columns() {
  return kGroupDetail;
}
std::span<const output::Column> group_device_catalog() {
  return kGroupDeviceColumns;
}
std::span<const std::string_view> group_device_columns() {
  return kGroupDevice;
}
std::span<const output::Column> group_summary_catalog() {
  return kGroupSummaryColumns;
}
std::span<const std::string_view> group_summary_columns() {
  return kGroupSummary;
}

}  // namespace iotc::cli
