#pragma once
// A failed write to stdout is a failure, never a silent success: exit 1 with the reason (a full
// disk, /dev/full), or 141 with nothing said when the reader closed the pipe (`list | head -1`),
// as GNU tools ended by SIGPIPE. main ignores SIGPIPE so that this check sees the EPIPE.

#include <ostream>

namespace iotc::cli {

// Throws BrokenPipeError or OutputWriteError when a write to `out` (stdout) has failed.
void check_written(const std::ostream& out);

// Flushes `out`, then check_written.
void flush_and_check(std::ostream& out);

}  // namespace iotc::cli
