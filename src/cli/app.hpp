#pragma once
// The command line: global options, the subcommands, parsing, and running the chosen one.

#include "cli/context.hpp"

namespace iotc::cli {

// Parses argv, runs the chosen subcommand and returns the process exit code. Never throws.
int run_cli(int argc, const char* const* argv, Context& context);

// The exit code of the failure being handled, its message printed on stderr: call it in a catch
// block around a command (run_cli does; so do the in-process tests around a run_X).
int report_current_failure(Context& context);

}  // namespace iotc::cli
