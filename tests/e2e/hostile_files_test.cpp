// Local input files (issue 12, items 10, 11 and 13): --token-file, --cacert, --file and the
// config file accept regular files and the pipes a shell hands over (/dev/stdin, /dev/fd/N);
// a named FIFO, a device or a directory is refused at once with exit 2 and the reason; every
// one is read with a size cap; the config file has the depth guard; a token that is only a
// scheme word is refused and a byte order mark is not sent.

#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <fstream>

#include "cli.hpp"
#include "scripted_server.hpp"

using namespace iotc::testing;

namespace {

// A service that answers every request with one job, and remembers the last request head.
class JobService {
 public:
  JobService()
      : server_([this](const std::string& head, const ScriptedServer::Send& send) {
          last_head_ = head;
          const std::string body = R"({"id":"job-1","status":"complete"})";
          send("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
               std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
        }) {}
  std::string url() const { return server_.url(); }
  int requests() const { return server_.requests(); }
  const std::string& last_head() const { return last_head_; }

 private:
  std::string last_head_;
  ScriptedServer server_;
};

Env clean_env(const std::string& url, const TempDir& home) {
  return {{"IOTC_BASE_URL", url},          {"IOTC_API_TOKEN", std::nullopt},
          {"IOTC_PROFILE", std::nullopt},  {"IOTC_FORCE_TTY", "0"},
          {"XDG_CONFIG_HOME", home.path()}, {"HOME", home.path()}};
}

void write(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
  chmod(path.c_str(), 0600);
}

ProcessResult run_cli(const std::vector<std::string>& args, const Env& env,
                      const std::string& stdin_data = {}) {
  std::vector<std::string> argv = {cli_binary()};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_process(argv, env, stdin_data, std::chrono::seconds(20));
}

}  // namespace

TEST_CASE("files: a named FIFO is refused at once, whatever names it", "[e2e][files]") {
  JobService service;
  TempDir home;
  const std::string fifo = home.file("fifo");
  REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
  std::filesystem::create_directories(home.path() + "/iotc-jobs");
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
      {{"--token-file", fifo, "show", "job-1"}, "the token file '" + fifo + "' is a named pipe"},
      {{"--cacert", fifo, "show", "job-1"},
       "--cacert '" + fifo + "' is a named pipe"},
      {{"create", "job-2", "--file", fifo}, "--file '" + fifo + "' is a named pipe"},
  };
  for (const auto& [args, message] : cases) {
    const auto started = std::chrono::steady_clock::now();
    Env env = clean_env(service.url(), home);
    if (args.front() != "--token-file") env["IOTC_API_TOKEN"] = "fifo-test-token";
    const auto result = run_cli(args, env);
    INFO(args.front() << ": " << result.err);
    CHECK(result.exit_code == 2);
    CHECK(has(result.err, message));
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(5));
  }
  // The config file, as a FIFO in its place.
  REQUIRE(mkfifo((home.path() + "/iotc-jobs/config.json").c_str(), 0600) == 0);
  const auto result = run_cli({"--profile", "p", "show", "job-1"}, clean_env(service.url(), home));
  CHECK(result.exit_code == 2);
  CHECK(has(result.err, "the config file '" + home.path() + "/iotc-jobs/config.json' is a named pipe"));
  CHECK(service.requests() == 0);
}

TEST_CASE("files: every input is read up to its cap and no further", "[e2e][files]") {
  JobService service;
  TempDir home;
  write(home.file("token"), std::string(100 << 10, 'a'));
  write(home.file("ca.pem"), std::string(5 << 20, 'a'));
  auto result = run_cli({"--token-file", home.file("token"), "show", "job-1"},
                        clean_env(service.url(), home));
  CHECK(result.exit_code == 2);
  CHECK(has(result.err, "is larger than 64 KiB"));
  result = run_cli({"--token-file", "-", "show", "job-1"}, clean_env(service.url(), home),
                   std::string(100 << 10, 'a'));
  CHECK(result.exit_code == 2);
  CHECK(has(result.err, "the token on standard input is larger than 64 KiB"));
  result = run_cli({"--cacert", home.file("ca.pem"), "show", "job-1"},
                   clean_env(service.url(), home));
  CHECK(result.exit_code == 2);
  CHECK(has(result.err, "is larger than 4 MiB"));
  // /dev/zero through a pipe the shell hands over: read to the cap, then refused.
  result = run_process({"bash", "-c", "exec \"$0\" --token-file <(head -c 200000 /dev/zero) show job-1",
                        cli_binary()},
                       clean_env(service.url(), home));
  CHECK(result.exit_code == 2);
  CHECK(has(result.err, "is larger than 64 KiB"));
  CHECK(service.requests() == 0);
}

TEST_CASE("files: the pipes a shell hands over are read", "[e2e][files]") {
  JobService service;
  TempDir home;
  auto result = run_process(
      {"bash", "-c", "exec \"$0\" --token-file <(printf 'pipe-token-1234') show job-1 -o json",
       cli_binary()},
      clean_env(service.url(), home));
  INFO(result.err);
  CHECK(result.exit_code == 0);
  CHECK(has(service.last_head(), "Authorization: Bearer pipe-token-1234\r\n"));
  result = run_cli({"--token-file", "/dev/stdin", "show", "job-1"},
                   clean_env(service.url(), home), "stdin-token-5678\n");
  CHECK(result.exit_code == 0);
  CHECK(has(service.last_head(), "Authorization: Bearer stdin-token-5678\r\n"));
}

TEST_CASE("files: a token file with a byte order mark sends the token without it",
          "[e2e][files]") {
  JobService service;
  TempDir home;
  write(home.file("token"), "\xEF\xBB\xBFSharedAccessSignature sr=a&sig=bom-signature&se=1\r\n");
  const auto result = run_cli({"--token-file", home.file("token"), "show", "job-1"},
                              clean_env(service.url(), home));
  INFO(result.err);
  CHECK(result.exit_code == 0);
  CHECK(has(service.last_head(),
            "\r\nAuthorization: SharedAccessSignature sr=a&sig=bom-signature&se=1\r\n"));
}

TEST_CASE("files: a token that is only a scheme word is refused", "[e2e][files]") {
  JobService service;
  TempDir home;
  const std::string word = GENERATE(as<std::string>{}, "Bearer", "bearer  ", "SharedAccessSignature");
  Env env = clean_env(service.url(), home);
  env["IOTC_API_TOKEN"] = word;
  const auto result = run_cli({"show", "job-1"}, env);
  CHECK(result.exit_code == 2);
  CHECK(has(result.err, "is only the word"));
  CHECK(service.requests() == 0);
}

TEST_CASE("files: a config file nested 200,000 deep is refused, not a crash", "[e2e][files]") {
  TempDir home;
  std::filesystem::create_directories(home.path() + "/iotc-jobs");
  write(home.path() + "/iotc-jobs/config.json",
        "{\"profiles\":" + std::string(200000, '[') + std::string(200000, ']') + "}");
  const auto result = run_cli({"--profile", "p", "show", "job-1"},
                              clean_env("http://127.0.0.1:1", home));
  CHECK(result.exit_code == 2);
  CHECK(has(result.err, "nests deeper than"));
}
