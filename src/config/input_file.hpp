#pragma once
// Reading a file the user named (--token-file, --cacert, --file, the config file): what it may
// be, and how much of it is read.
//
// Accepted: a regular file, and the pipes a shell hands over by name (/dev/stdin, /dev/fd/N,
// /proc/self/fd/N: `--token-file <(pass show iotc)`, `--file <(jq ...)`). Refused at once, with
// exit 2 and the reason: a named pipe (FIFO) given by its path, which may block for ever with no
// writer and --timeout does not cover; a device (/dev/zero never ends); a directory; anything
// larger than the input's limit (read up to the limit and one byte, never more).

#include <cstddef>
#include <istream>
#include <string>
#include <string_view>

namespace iotc::config {

// The whole content of `path`; throws UsageError "<what> '<path>' <reason>" otherwise ("--file
// '/' is a directory, not a file").
std::string read_input_file(const std::string& path, std::string_view what, std::size_t max_bytes);

// At most max_bytes of an already open stream (standard input for '-'); throws UsageError
// "<what>: larger than ..." beyond it.
std::string read_input_stream(std::istream& in, std::string_view what, std::size_t max_bytes);

}  // namespace iotc::config
