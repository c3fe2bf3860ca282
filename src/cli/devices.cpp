// iotc-jobs devices: the devices of a job and how each fared.

#include "cli/devices.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "cli/catalogs.hpp"
#include "cli/commands.hpp"
#include "cli/context.hpp"
#include "cli/job_output.hpp"
#include "cli/stream_items.hpp"

namespace iotc::cli {
namespace devices_command {

constexpr const char* kHelp = R"(Examples:
  iotc-jobs devices job-006
  iotc-jobs devices job-006 --status failed -o tsv
  iotc-jobs devices job-006 --summary
  iotc-jobs devices job-006 --summary -o json)";

// Counts per status, the known ones always present (0 when none), others as they come.
model::Json summarise(api::Pager<model::JobDeviceStatus>& pager, const InterruptFlag& interrupt) {
  model::Json summary = {{"total", 0}, {"pending", 0}, {"completed", 0}, {"failed", 0}};
  while (auto device = pager.next()) {
    check_interrupt(interrupt);
    summary["total"] = summary["total"].get<std::int64_t>() + 1;
    const std::string status =
        device->value.status_text.empty() ? "unknown" : device->value.status_text;
    auto& count = summary[status];
    count = count.is_number() ? count.get<std::int64_t>() + 1 : 1;
  }
  return summary;
}

}  // namespace devices_command

void run_devices(const DevicesOptions& options, Context& context) {
  auto& output = context.output();
  auto pager = context.client().job_devices(options.job_id);
  if (options.summary) {
    output.record(devices_command::summarise(pager, context.interrupt()), summary_catalog(),
                  summary_columns());
    return;
  }
  auto writer = output.list(device_catalog(), device_columns());
  StreamRules<model::JobDeviceStatus> rules;
  if (!options.statuses.empty()) {
    rules.wanted = [&options](const model::JobDeviceStatus& device) {
      return std::find(options.statuses.begin(), options.statuses.end(), device.status_text) !=
             options.statuses.end();
    };
  }
  rules.out = &context.output().out();
  stream_items(pager, *writer, context.interrupt(), rules);
  writer->finish();
  if (writer->count() == 0) output.info("No devices found.");
}

void add_devices_command(CLI::App& command, Context& context) {
  add_help_details(command, devices_command::kHelp);
  auto options = std::make_shared<DevicesOptions>();
  command.add_option("JOB_ID", options->job_id, "The job")->required();
  auto* status = command
                     .add_option("-s,--status", options->statuses,
                                 "Only devices with this status (repeatable)")
                     ->check(CLI::IsMember(std::vector<std::string>(std::begin(kDeviceStatuses),
                                                                    std::end(kDeviceStatuses))))
                     ->allow_extra_args(false)
                     ->delimiter(',');
  command.add_flag("--summary", options->summary, "Count the devices per status instead")
      ->excludes(status);
  command.callback([options, &context] { run_devices(*options, context); });
}

}  // namespace iotc::cli
