#include "emulator.hpp"

#include <fcntl.h>
#include <httplib.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <thread>

#include "process.hpp"

namespace iotc::testing {
namespace {

constexpr int kStartTimeoutMs = 60000;  // a 200,000-device seed on a loaded CI machine
constexpr int kStopGraceMs = 5000;
constexpr int kRequestTimeoutSec = 30;

std::string lower(std::string text) {
  for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// Reads one line from `fd` within `timeout_ms`; throws when none comes.
std::string read_first_line(int fd, pid_t pid, int timeout_ms) {
  std::string line;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (true) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                    deadline - std::chrono::steady_clock::now())
                    .count();
    if (left <= 0) throw std::runtime_error("emulator did not print its URL in time");
    pollfd pfd{fd, POLLIN, 0};
    int ready = poll(&pfd, 1, static_cast<int>(left));
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) continue;
    char c;
    ssize_t r = read(fd, &c, 1);
    if (r <= 0) {
      int status = 0;
      waitpid(pid, &status, WNOHANG);
      throw std::runtime_error("emulator exited before printing its URL");
    }
    if (c == '\n') return line;
    line.push_back(c);
  }
}

}  // namespace

EmulatorProcess::EmulatorProcess(std::vector<std::string> extra_args)
    : args_(std::move(extra_args)) {
  start();
}

EmulatorProcess::~EmulatorProcess() {
  try {
    if (pid_ > 0) reap(SIGTERM, kStopGraceMs);
  } catch (...) {
  }
}

void EmulatorProcess::start() {
  std::vector<std::string> argv = {emulator_binary(), "--listen", "127.0.0.1:0", "--token",
                                   kTestToken};
  argv.insert(argv.end(), args_.begin(), args_.end());
  int out_pipe[2];
  if (pipe2(out_pipe, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
  std::vector<char*> ptrs;
  for (auto& a : argv) ptrs.push_back(a.data());
  ptrs.push_back(nullptr);
  pid_ = fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    dup2(out_pipe[1], STDOUT_FILENO);
    int devnull = open("/dev/null", O_RDONLY);
    dup2(devnull, STDIN_FILENO);
    execv(ptrs[0], ptrs.data());
    _exit(127);
  }
  close(out_pipe[1]);
  stdout_fd_ = out_pipe[0];
  try {
    base_url_ = read_first_line(stdout_fd_, pid_, kStartTimeoutMs);
  } catch (...) {
    reap(SIGKILL, 0);
    throw;
  }
  if (base_url_.rfind("http", 0) != 0) {
    reap(SIGKILL, 0);
    throw std::runtime_error("emulator printed no URL: " + base_url_);
  }
}

void EmulatorProcess::reap(int signal_number, int grace_ms) {
  if (pid_ <= 0) return;
  kill(pid_, signal_number);
  int status = 0;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(grace_ms);
  while (true) {
    pid_t r = waitpid(pid_, &status, WNOHANG);
    if (r == pid_) break;
    if (r < 0 && errno != EINTR) break;
    if (std::chrono::steady_clock::now() >= deadline) {
      kill(pid_, SIGKILL);
      waitpid(pid_, &status, 0);
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  last_exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  pid_ = -1;
  if (stdout_fd_ >= 0) close(stdout_fd_);
  stdout_fd_ = -1;
}

void EmulatorProcess::kill9() {
  reap(SIGKILL, 0);
}
void EmulatorProcess::stop(int signal_number) {
  reap(signal_number, kStopGraceMs);
}

void EmulatorProcess::restart() {
  if (pid_ > 0) stop();
  start();
}

EmulatorProcess::Response EmulatorProcess::request(
    const std::string& method, const std::string& path_and_query,
    const std::optional<iotc::model::Json>& body) const {
  std::map<std::string, std::string> headers = {{"Authorization", kTestToken}};
  if (body) headers["Content-Type"] = "application/json";
  return request_raw(method, path_and_query, headers, body ? body->dump() : std::string());
}

EmulatorProcess::Response EmulatorProcess::request_raw(
    const std::string& method, const std::string& path_and_query,
    const std::map<std::string, std::string>& headers, const std::string& body) const {
  httplib::Client client(base_url_);
  client.enable_server_certificate_verification(false);
  client.set_read_timeout(kRequestTimeoutSec, 0);
  client.set_connection_timeout(5, 0);
  httplib::Request req;
  req.method = method;
  req.path = path_and_query;
  for (const auto& [name, value] : headers) req.headers.emplace(name, value);
  req.body = body;
  auto result = client.send(req);
  Response response{0, nullptr, {}, {}};
  if (!result) return response;
  response.status = result->status;
  response.text = result->body;
  for (const auto& [name, value] : result->headers) response.headers[lower(name)] = value;
  if (!result->body.empty()) {
    response.body = iotc::model::Json::parse(result->body, nullptr, false);
    if (response.body.is_discarded()) response.body = result->body;
  }
  return response;
}

TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "iotc-test-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

void write_file(const std::string& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) throw std::runtime_error("cannot write " + path);
  out << content;
}

}  // namespace iotc::testing
