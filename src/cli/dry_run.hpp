#pragma once
// create --dry-run: the request create would send, on stdout, and on stderr what a reader of it
// could misjudge: the devices it would touch and the type each data value will have on the
// wire. It reads what create reads (the id, the group and its devices) and writes nothing.

#include <string>
#include <vector>

#include "cli/context.hpp"
#include "model/job.hpp"

namespace iotc::cli {

// "  data[0] targetTemperature = 56 (a number)": a line per data item that carries a value.
std::vector<std::string> typed_values(const model::Job& job);

// `reach`: the devices the job would touch ("40 devices", cli/device_reach.hpp).
void print_dry_run(Context& context, const std::string& job_id, const model::Job& job,
                   const std::string& reach);

}  // namespace iotc::cli
