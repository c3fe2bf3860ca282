#pragma once
// The command line: global options, the subcommands, parsing, and running the chosen one.

#include "cli/context.hpp"

namespace iotc::cli {

// Parses argv, runs the chosen subcommand and returns the process exit code. Never throws.
int run_cli(int argc, const char* const* argv, Context& context);

}  // namespace iotc::cli
