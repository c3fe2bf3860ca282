#pragma once
// Starts a real iotc-jobs-emulator on a free loopback port for end-to-end tests, and talks to
// its service and admin APIs with the test token.

#include <sys/types.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/job.hpp"

namespace iotc::testing {

// The token every test emulator accepts. Not a secret: it only opens a test process.
inline constexpr const char* kTestToken =
    "SharedAccessSignature sr=emulator&sig=test-signature&skn=test&se=4102444800";

class EmulatorProcess {
 public:
  // Runs: iotc-jobs-emulator --listen 127.0.0.1:0 --token kTestToken <extra_args...>, and
  // waits for the base URL it prints as its first line. Throws std::runtime_error when the
  // emulator does not start.
  explicit EmulatorProcess(std::vector<std::string> extra_args = {});
  ~EmulatorProcess();  // SIGTERM, then SIGKILL after a grace period
  EmulatorProcess(const EmulatorProcess&) = delete;
  EmulatorProcess& operator=(const EmulatorProcess&) = delete;

  const std::string& base_url() const { return base_url_; }
  int pid() const { return static_cast<int>(pid_); }

  struct Response {
    int status;              // 0 when no HTTP answer came (connection refused, dropped, ...)
    iotc::model::Json body;  // parsed JSON; null when empty; a JSON string when not JSON
    std::map<std::string, std::string> headers;  // names in lower case
    std::string text;                            // the raw body
  };

  // Calls the service or admin API with the test token. A body is sent as application/json.
  Response request(const std::string& method, const std::string& path_and_query,
                   const std::optional<iotc::model::Json>& body = std::nullopt) const;
  // The same without the test token: `headers` are all the headers sent (none by default).
  Response request_raw(const std::string& method, const std::string& path_and_query,
                       const std::map<std::string, std::string>& headers,
                       const std::string& body = {}) const;

  void kill9();  // SIGKILL and reap, for crash tests
  // Sends `signal_number` (SIGTERM by default), waits for the exit (SIGKILL after a grace period).
  void stop(int signal_number = 15);
  void restart();  // starts again with the same arguments (a new port)
  // The exit status of the last stop(), or -1.
  int last_exit_code() const { return last_exit_code_; }

 private:
  void start();
  void reap(int signal_number, int grace_ms);

  std::vector<std::string> args_;
  std::string base_url_;
  pid_t pid_ = -1;
  int stdout_fd_ = -1;
  int last_exit_code_ = -1;
};

// A fresh temporary directory (removed with its content by the destructor).
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  std::string file(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

void write_file(const std::string& path, const std::string& content);

}  // namespace iotc::testing
