#include "cli/stdout_check.hpp"

#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "errors.hpp"

namespace iotc::cli {
namespace {

// errno may have moved on since the write that failed; a pipe or socket whose reader has gone
// reports POLLERR on its write end, whatever errno says now.
bool stdout_reader_gone() {
  struct stat info {};
  if (fstat(STDOUT_FILENO, &info) != 0) return false;
  if (!S_ISFIFO(info.st_mode) && !S_ISSOCK(info.st_mode)) return false;
  pollfd probe{STDOUT_FILENO, POLLOUT, 0};
  return poll(&probe, 1, 0) == 1 && (probe.revents & POLLERR) != 0;
}

}  // namespace

void check_written(const std::ostream& out) {
  if (!out.fail()) return;
  const int error = errno;
  if (error == EPIPE || stdout_reader_gone()) throw BrokenPipeError();
  std::string reason = error != 0 ? std::strerror(error) : "the stream failed";
  throw OutputWriteError("cannot write the output to stdout: " + reason);
}

void flush_and_check(std::ostream& out) {
  errno = 0;
  out.flush();
  check_written(out);
}

}  // namespace iotc::cli
