#pragma once
// iotc-jobs create: a job from flags, from a job file, or both (flags win).

#include <optional>
#include <string>

#include "cli/create_payload.hpp"
#include "cli/wait_flags.hpp"

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

}  // namespace iotc::cli
