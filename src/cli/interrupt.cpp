#include "cli/interrupt.hpp"

#include <unistd.h>

#include <csignal>

#include "errors.hpp"

namespace iotc::cli {
namespace {

// Signal handlers can only touch lock-free atomics or volatile sig_atomic_t.
volatile std::sig_atomic_t interrupt_count = 0;
constexpr int kInterruptedExit = 130;

extern "C" void on_sigint(int) {
  interrupt_count = interrupt_count + 1;
  if (interrupt_count > 1) _exit(kInterruptedExit);
}

}  // namespace

SigintFlag& SigintFlag::install() {
  static SigintFlag flag;
  struct sigaction action {};
  action.sa_handler = on_sigint;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;  // no SA_RESTART: a blocking sleep or poll returns early
  sigaction(SIGINT, &action, nullptr);
  return flag;
}

bool SigintFlag::raised() const {
  return interrupt_count > 0;
}

void check_interrupt(const InterruptFlag& flag) {
  if (flag.raised()) {
    throw InterruptedError("interrupted");
  }
}

}  // namespace iotc::cli
