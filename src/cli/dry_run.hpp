#pragma once
// create --dry-run: the request create would send, on stdout, and on stderr what a reader of it
// could misjudge: the type each data value will have on the wire. Nothing is written.

#include <string>
#include <vector>

#include "cli/context.hpp"
#include "model/job.hpp"

namespace iotc::cli {

// "  data[0] targetTemperature = 56 (a number)": a line per data item that carries a value.
std::vector<std::string> typed_values(const model::Job& job);

void print_dry_run(Context& context, const std::string& job_id, const model::Job& job);

}  // namespace iotc::cli
