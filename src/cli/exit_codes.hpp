#pragma once
// The one place where failures become exit codes and messages (docs/design.md §2). The table
// below is the only copy of what each code means: --help and the man page print it, and a test
// checks the README, the guide and docs/design.md against it.

#include <exception>
#include <functional>
#include <span>
#include <string>
#include <string_view>

#include "output/output.hpp"

namespace iotc::cli {

struct ExitStatus {
  int code;
  std::string_view meaning;  // one line, plain text (no Markdown, no '|')
};

// Every exit status, in order.
std::span<const ExitStatus> exit_status_table();

// The table as printed at the end of `iotc-jobs --help` ("Exit status:" and one line a code).
std::string exit_status_help();

// Removes secrets from a message before it is shown.
using Redact = std::function<std::string(std::string_view)>;

// Prints the error `failure` describes on stderr, through `redact` (a server may echo a token
// in its error message), and returns its exit code. CLI11's own parse errors are handled by the
// parser (app.cpp) before this is reached.
int report_failure(std::exception_ptr failure, output::Output& output, const Redact& redact);

}  // namespace iotc::cli
