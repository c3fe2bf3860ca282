#pragma once
// The one place where failures become exit codes and messages (DESIGN.md §2):
// 0 success; 1 service or network failure; 2 usage or invalid input (nothing was sent);
// 3 not found; 4 authentication or permission; 5 wait timed out; 6 the job ended failed,
// cancelled or stopped, or with failed devices; 130 interrupted.

#include <exception>
#include <functional>
#include <string>
#include <string_view>

#include "output/output.hpp"

namespace iotc::cli {

// The exit-code table, as printed at the end of `iotc-jobs --help`.
extern const char* const kExitCodeHelp;

// Removes secrets from a message before it is shown.
using Redact = std::function<std::string(std::string_view)>;

// Prints the error `failure` describes on stderr, through `redact` (a server may echo a token
// in its error message), and returns its exit code. CLI11's own parse errors are handled by the
// parser (app.cpp) before this is reached.
int report_failure(std::exception_ptr failure, output::Output& output, const Redact& redact);

}  // namespace iotc::cli
