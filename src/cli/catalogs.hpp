#pragma once
// The columns each kind of result knows, and the ones shown by default.

#include <span>
#include <string_view>
#include <vector>

#include "output/columns.hpp"

namespace iotc::cli {

// Jobs: id, displayName, status, data, progress, start, end, group, batch, ...
std::span<const output::Column> job_catalog();
// list: one line per job.
std::span<const std::string_view> job_list_columns();
// show, create, stop, resume, rerun: every field, one per line in a table.
std::span<const std::string_view> job_detail_columns();

// Devices of a job: id, status.
std::span<const output::Column> device_catalog();
std::span<const std::string_view> device_columns();

// devices --summary: total, pending, completed, failed.
std::span<const output::Column> summary_catalog();
std::span<const std::string_view> summary_columns();

// Every catalog's columns: what --columns is checked against before a command sends anything
// (the command's own catalog checks it again when the answer is printed).
std::vector<output::Column> every_column();

}  // namespace iotc::cli
