#pragma once
// iotc-jobs create: a job from flags, from a job file, or both (flags win).

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "cli/create_payload.hpp"
#include "cli/wait_flags.hpp"
#include "model/problem.hpp"

namespace CLI {
class App;
}

namespace iotc::cli {

class Context;

struct CreateOptions {
  std::optional<std::string> job_id;
  std::optional<std::string> file;  // a path, or "-" for standard input
  std::optional<std::string> from;  // --from JOB_ID: copy that job's payload
  PayloadFlags payload;             // the data flags in command-line order, and the rest
  bool dry_run = false;
  bool yes = false;  // --yes: do not ask on a terminal
  // Send members of the job file that the api-version's spec does not define (forward
  // compatibility) instead of refusing them.
  bool allow_unknown_fields = false;
  WaitFlags wait;
};

void run_create(const CreateOptions& options, Context& context);
void add_create_command(CLI::App& command, Context& context);

// What create and `schedule create` share (the job part of a scheduled job is a job).
//
// Adds --group, --file, --from, the data flags, --name, --description, --batch,
// --cancel-threshold, --threshold-per-batch, --organization and --allow-unknown-fields to
// `command`, parsed into the given fields. The returned function, called first in the command's
// callback, puts the data flags into payload.data in command-line order.
std::function<void()> add_job_input_flags(CLI::App& command, std::optional<std::string>& file,
                                          std::optional<std::string>& from,
                                          PayloadFlags& payload, bool& allow_unknown_fields);
// The document: the job file (or the job --from copies) with the flags laid over it, and a note
// on stderr when the data flags replace the file's data. Throws UsageError.
model::Json read_job_input(Context& context, const std::optional<std::string>& file,
                           const std::optional<std::string>& from, const PayloadFlags& payload);
// Throws UsageError listing every problem of the `what` ("job", "scheduled job"), nothing sent.
void refuse_problems(std::string_view what, const model::Problems& problems, bool unknown);

}  // namespace iotc::cli
