#pragma once
// The error hierarchy of iotc-jobs. Each kind maps to one exit code (docs/design.md §2); they are
// thrown where the problem is found and caught once, in main, which prints the message and
// returns exit_code().

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace iotc {

// The documented exit codes, in one place.
enum class ExitCode : int {
  success = 0,
  failure = 1,  // service or network failure
  usage = 2,    // usage or invalid input: nothing was sent
  not_found = 3,
  auth = 4,          // authentication or permission
  wait_timeout = 5,  // wait timed out
  job_failed = 6,    // the work ended other than asked (failed or pending devices, ...)
  conflict = 7,      // exists already, or its state does not allow the action
  interrupted = 130,
  broken_pipe = 141,  // stdout's reader went away, as GNU tools ended by SIGPIPE (128 + 13)
};

class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
  virtual ExitCode exit_code() const { return ExitCode::failure; }
};

// Bad flags, a bad job file, missing settings. Nothing was sent.
class UsageError : public Error {
 public:
  using Error::Error;
  ExitCode exit_code() const override { return ExitCode::usage; }
};

// The service answered with an error body. Carries what it said, for messages and scripts.
class ServiceError : public Error {
 public:
  ServiceError(std::string message, int http_status, std::string code = {},
               std::optional<std::string> request_id = std::nullopt)
      : Error(std::move(message)),
        http_status_(http_status),
        code_(std::move(code)),
        request_id_(std::move(request_id)) {}
  int http_status() const { return http_status_; }
  const std::string& code() const { return code_; }
  const std::optional<std::string>& request_id() const { return request_id_; }

 private:
  int http_status_;
  std::string code_;
  std::optional<std::string> request_id_;
};

class NotFoundError : public ServiceError {
 public:
  using ServiceError::ServiceError;
  ExitCode exit_code() const override { return ExitCode::not_found; }
};

// 401 or 403; the message names the app and where the token came from, never the token.
class AuthError : public ServiceError {
 public:
  using ServiceError::ServiceError;
  ExitCode exit_code() const override { return ExitCode::auth; }
};

// The connection failed, was dropped, or the answer could not be read.
class NetworkError : public Error {
 public:
  using Error::Error;
};

// The overall deadline (--timeout) passed before the request succeeded.
class TimeoutError : public Error {
 public:
  using Error::Error;
};

// `wait` ran out of time; the job goes on at the service.
class WaitTimeoutError : public Error {
 public:
  using Error::Error;
  ExitCode exit_code() const override { return ExitCode::wait_timeout; }
};

// The job ended failed, cancelled or stopped, or some of its devices failed or are still pending.
class JobFailedError : public Error {
 public:
  using Error::Error;
  ExitCode exit_code() const override { return ExitCode::job_failed; }
};

// The job already exists, or its state does not allow the action (rerun of a running job, stop
// of a finished one). Nothing was changed.
class ConflictError : public Error {
 public:
  using Error::Error;
  ExitCode exit_code() const override { return ExitCode::conflict; }
};

// Writing to stdout failed (a full disk, /dev/full): local I/O, exit 1.
class OutputWriteError : public Error {
 public:
  using Error::Error;
};

// stdout's reader closed the pipe (`list | head -1`): nothing more is printed, no message, 141.
class BrokenPipeError : public Error {
 public:
  BrokenPipeError() : Error("stdout closed") {}
  ExitCode exit_code() const override { return ExitCode::broken_pipe; }
};

// The person at the terminal answered no when asked to confirm a change: nothing was sent.
// Exit 1, as apt and gh end a declined prompt, so that `&&` after the command does not run.
class DeclinedError : public Error {
 public:
  using Error::Error;
};

class InterruptedError : public Error {
 public:
  using Error::Error;
  ExitCode exit_code() const override { return ExitCode::interrupted; }
};

// Text a service sent, for a message: its line breaks written as \n and \r, so that it cannot
// start a line of its own (a forged "iotc-jobs: error: ..."). Other control characters are
// neutralised where every message is written (output::Output).
inline std::string one_line(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace iotc
