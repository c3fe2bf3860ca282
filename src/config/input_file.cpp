#include "config/input_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "errors.hpp"

namespace iotc::config {
namespace {

std::string size_text(std::size_t bytes) {
  if (bytes % (std::size_t{1} << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
  return std::to_string(bytes >> 10) + " KiB";
}

// The names under which a shell hands over a pipe it opened: reading them cannot block on a
// writer that never comes, as the shell is that writer's parent.
bool is_inherited_descriptor(std::string_view path) {
  return path == "/dev/stdin" || path.starts_with("/dev/fd/") ||
         path.starts_with("/proc/self/fd/");
}

// Why `info` is not something to read, or "" when it is.
std::string refusal(std::string_view path, const struct stat& info) {
  if (S_ISREG(info.st_mode)) return {};
  if ((S_ISFIFO(info.st_mode) || S_ISSOCK(info.st_mode)) && is_inherited_descriptor(path)) {
    return {};
  }
  if (S_ISDIR(info.st_mode)) return "is a directory, not a file";
  if (S_ISFIFO(info.st_mode)) {
    return "is a named pipe (FIFO), which could block for ever: give a regular file, '-' for "
           "standard input, or a <(...) pipe";
  }
  if (S_ISCHR(info.st_mode) || S_ISBLK(info.st_mode)) return "is a device, not a file";
  return "is not a regular file";
}

}  // namespace

std::string read_input_file(const std::string& path, std::string_view what, std::size_t max_bytes) {
  const std::string named = std::string(what) + " '" + path + "'";
  struct stat info {};
  if (stat(path.c_str(), &info) != 0) {
    throw UsageError(named + " cannot be read: " + std::strerror(errno));
  }
  if (const std::string why = refusal(path, info); !why.empty()) {
    throw UsageError(named + " " + why);
  }
  if (S_ISREG(info.st_mode) && static_cast<std::size_t>(info.st_size) > max_bytes) {
    throw UsageError(named + " is larger than " + size_text(max_bytes) + ", the most read of it");
  }
  // O_NONBLOCK only for the open: a FIFO swapped in after the check must not hang it.
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) throw UsageError(named + " cannot be read: " + std::strerror(errno));
  struct stat opened {};
  if (fstat(fd, &opened) != 0 || !refusal(path, opened).empty()) {
    close(fd);
    throw UsageError(named + " changed while it was opened");
  }
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  std::string content;
  char buffer[65536];
  while (true) {
    const ssize_t got = read(fd, buffer, sizeof buffer);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      const int error = errno;
      close(fd);
      throw UsageError(named + " cannot be read: " + std::strerror(error));
    }
    if (got == 0) break;
    content.append(buffer, static_cast<std::size_t>(got));
    if (content.size() > max_bytes) {
      close(fd);
      throw UsageError(named + " is larger than " + size_text(max_bytes) +
                       ", the most read of it");
    }
  }
  close(fd);
  return content;
}

std::string read_input_stream(std::istream& in, std::string_view what, std::size_t max_bytes) {
  std::string content;
  char buffer[65536];
  while (in) {
    in.read(buffer, sizeof buffer);
    content.append(buffer, static_cast<std::size_t>(in.gcount()));
    if (content.size() > max_bytes) {
      throw UsageError(std::string(what) + " is larger than " + size_text(max_bytes) +
                       ", the most read of it");
    }
  }
  return content;
}

}  // namespace iotc::config
