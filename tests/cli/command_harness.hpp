#pragma once
// Runs one command in-process, as main would, against an HttpMock and a FakeClock: the test
// builds the command's Options by hand (or gives a whole command line), and reads back stdout,
// stderr and the exit code. On destruction it checks that every registered stub was used and
// that no request went unanswered.

#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "cli/context.hpp"
#include "config/settings.hpp"
#include "fakes.hpp"
#include "http_mock.hpp"

namespace iotc::testing {

struct Outcome {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// The app every harness points at, and the prefix of its URLs (nextLink).
inline constexpr const char* kApp = "contoso";
inline constexpr const char* kAppUrl = "https://contoso.azureiotcentral.com";

class CommandHarness {
 public:
  CommandHarness();
  ~CommandHarness();
  CommandHarness(const CommandHarness&) = delete;
  CommandHarness& operator=(const CommandHarness&) = delete;

  // Runs `command` (a run_X call) on a fresh Context; a failure it throws becomes the exit code
  // and the message main would print.
  Outcome run(const std::function<void(cli::Context&)>& command);
  // Runs a whole command line (without the program name) through the parser.
  Outcome run_line(const std::vector<std::string>& args);

  HttpMock http;
  FakeClock clock;
  // The process environment: the app, a token and IOTC_FORCE_TTY=0 to begin with; set
  // IOTC_OUTPUT=json, IOTC_API_VERSION=preview, ... before a run.
  config::Environment env;
  // Global options as the parser would fill them (--columns, --quiet, ...), for run().
  cli::GlobalOptions global;
  std::string stdin_text;
  // Whether standard input is a terminal: a person who can be asked before a change.
  bool stdin_is_terminal = false;

 private:
  Outcome run_in_context(const std::function<int(cli::Context&)>& body);
};

}  // namespace iotc::testing
