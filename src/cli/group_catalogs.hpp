#pragma once
// The columns of the group commands, and the ones shown by default.

#include <span>
#include <string_view>

#include "output/columns.hpp"

namespace iotc::cli {

// Device groups: id, displayName, filter, description, organizations, etag.
std::span<const output::Column> group_catalog();
std::span<const std::string_view> group_list_columns();    // group list
std::span<const std::string_view> group_detail_columns();  // show, create, update

// The devices of a group: id, displayName, template, provisioned, simulated, enabled, ...
std::span<const output::Column> group_device_catalog();
std::span<const std::string_view> group_device_columns();

// group devices --summary: total, provisioned, simulated, enabled, templates.
std::span<const output::Column> group_summary_catalog();
std::span<const std::string_view> group_summary_columns();

}  // namespace iotc::cli
