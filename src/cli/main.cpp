// iotc-jobs: a command-line client for the Azure IoT Central jobs API.

#include <malloc.h>
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

namespace {

// A listing allocates and frees buffers of tens of kilobytes for every page. glibc hands the top
// of its heap back to the kernel whenever 128 KiB of it are free, and takes it back for the next
// page: two system calls and fresh page faults per page, a quarter of a long listing's time.
// What the tool frees it keeps, up to this much.
constexpr int kKeptFreeHeapBytes = 32 << 20;

}  // namespace

int main(int argc, char** argv) {
#ifdef __GLIBC__
  mallopt(M_TRIM_THRESHOLD, kKeptFreeHeapBytes);
#endif
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
