#include "command_harness.hpp"

#include <catch2/catch.hpp>

#include "cli/app.hpp"
#include "cli/interrupt.hpp"

namespace iotc::testing {
namespace {

class NeverInterrupted : public cli::InterruptFlag {
 public:
  bool raised() const override { return false; }
};

std::string joined(const std::vector<std::string>& lines) {
  std::string text;
  for (const auto& line : lines) text += line + "\n";
  return text;
}

}  // namespace

CommandHarness::CommandHarness()
    : env{{"IOTC_APP", kApp},
          {"IOTC_API_TOKEN", "SharedAccessSignature sr=contoso&sig=harness-signature&skn=t&se=1"},
          {"IOTC_FORCE_TTY", "0"}} {}

CommandHarness::~CommandHarness() {
  // As gh's httpmock Verify: an answer the command never asked for is a test that checks less
  // than it says.
  INFO(joined(http.problems()));
  CHECK(http.problems().empty());
}

Outcome CommandHarness::run_in_context(const std::function<int(cli::Context&)>& body) {
  std::istringstream in(stdin_text);
  std::ostringstream out;
  std::ostringstream err;
  NeverInterrupted interrupt;
  cli::Dependencies fakes;
  fakes.make_transport = [this](api::CurlOptions) { return http.borrow(); };
  fakes.clock = &clock;
  fakes.random = [] { return 0.5; };
  fakes.stdin_is_terminal = [this] { return stdin_is_terminal; };
  Outcome outcome;
  {
    cli::Context context(env, {in, out, err}, interrupt, std::move(fakes));
    outcome.exit_code = body(context);
  }
  outcome.out = out.str();
  outcome.err = err.str();
  return outcome;
}

Outcome CommandHarness::run(const std::function<void(cli::Context&)>& command) {
  return run_in_context([&](cli::Context& context) {
    context.global_options() = global;
    try {
      command(context);
      return 0;
    } catch (...) {
      return cli::report_current_failure(context);
    }
  });
}

Outcome CommandHarness::run_line(const std::vector<std::string>& args) {
  return run_in_context([&](cli::Context& context) {
    std::vector<const char*> argv{"iotc-jobs"};
    for (const auto& arg : args) argv.push_back(arg.c_str());
    return cli::run_cli(static_cast<int>(argv.size()), argv.data(), context);
  });
}

}  // namespace iotc::testing
