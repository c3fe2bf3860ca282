// iotc-jobs: a command-line client for the Azure IoT Central jobs API.

#include <unistd.h>

#include <csignal>
#include <iostream>
#include <memory>
#include <utility>

#include "api/curl_transport.hpp"
#include "cli/app.hpp"
#include "cli/context.hpp"
#include "cli/interrupt.hpp"

extern char** environ;

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  // A closed stdout pipe is noticed as EPIPE and ends with 141 (cli/stdout_check.hpp), after the
  // same cleanup as any other ending.
  std::signal(SIGPIPE, SIG_IGN);
  auto& interrupt = iotc::cli::SigintFlag::install();
  iotc::cli::Dependencies real_world;
  real_world.make_transport = [](iotc::api::CurlOptions options) {
    return std::make_unique<iotc::api::CurlTransport>(std::move(options));
  };
  real_world.stdin_is_terminal = [] { return isatty(STDIN_FILENO) == 1; };
  iotc::cli::Context context(iotc::config::environment_from(environ),
                             {std::cin, std::cout, std::cerr}, interrupt, std::move(real_world));
  return iotc::cli::run_cli(argc, argv, context);
}
