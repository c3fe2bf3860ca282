// A server that echoes the token back in its error messages (some proxies and gateways quote the
// request's headers) must not make iotc-jobs show it: error messages are redacted like traces.

#include <httplib.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <thread>

#include "cli.hpp"

using namespace iotc::testing;

namespace {

constexpr const char* kBareCanary = "canary-echo-5e1b7d93c4a2-token";
constexpr const char* kSasCanary =
    "SharedAccessSignature sr=app&sig=canary-echo-sig-8d2f41&skn=operator&se=4102444800";

// Answers every request with `status` and an error body that quotes the Authorization header.
class EchoingServer {
 public:
  explicit EchoingServer(int status) {
    const auto echo = [status](const httplib::Request& request, httplib::Response& response) {
      const std::string quoted = request.get_header_value("Authorization");
      response.status = status;
      response.set_header("x-ms-error-code", "EchoedHeader");
      response.set_content(
          R"({"error":{"code":"EchoedHeader","message":"cannot use Authorization: )" + quoted +
              R"("}})",
          "application/json");
    };
    server_.Get(".*", echo);
    server_.Put(".*", echo);
    server_.Post(".*", echo);
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ~EchoingServer() {
    server_.stop();
    thread_.join();
  }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }

 private:
  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
};

}  // namespace

TEST_CASE("a token echoed back in an error message is redacted", "[e2e][secrets]") {
  const auto [status, exit_code] = GENERATE(table<int, int>({
      {400, 1},
      {401, 4},
      {404, 3},
      {500, 1},
  }));
  const std::string token = GENERATE(as<std::string>{}, kBareCanary, kSasCanary);
  const std::string secret = token == kBareCanary ? kBareCanary : "canary-echo-sig-8d2f41";
  EchoingServer server(status);

  const std::vector<std::vector<std::string>> commands = {
      {"show", "job-1"},
      {"list"},
      {"stop", "job-1"},
      {"create", "job-2", "--group", kThermostatsGroup, "--target", kThermostatTemplate, "--set",
       "targetTemperature=21"},
  };
  for (const auto& command : commands) {
    std::vector<std::string> argv = {cli_binary(), "--retries", "0"};
    argv.insert(argv.end(), command.begin(), command.end());
    const auto result = run_process(argv, {{"IOTC_BASE_URL", server.url()},
                                           {"IOTC_API_TOKEN", token},
                                           {"IOTC_PROFILE", std::nullopt},
                                           {"XDG_CONFIG_HOME", "/nonexistent"}});
    INFO("HTTP " << status << ", iotc-jobs " << command.front() << " -> exit " << result.exit_code
                 << "\n"
                 << result.err);
    CHECK(result.exit_code == exit_code);
    // The message is there, and says what the server said, minus the token.
    CHECK(has(result.err, "cannot use Authorization: "));
    CHECK(has(result.err, "[REDACTED]"));
    CHECK_FALSE(has(result.err, secret));
    CHECK_FALSE(has(result.out, secret));
  }
}
