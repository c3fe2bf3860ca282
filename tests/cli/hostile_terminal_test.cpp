// Nothing from the service reaches the terminal raw (issue 12, item 6): with -v and --debug its
// headers, bodies and URLs have their control characters neutralised, and its error messages
// stay on one line, so that it can neither send escape sequences to the terminal nor forge a
// line of iotc-jobs' own.

#include <catch2/catch.hpp>

#include "job_fixtures.hpp"

using namespace iotc::testing;
using iotc::model::Json;

namespace {

// OSC (window title), BEL, a screen clear, a carriage return and a C1 CSI (U+009B).
constexpr const char* kEvil = "\x1b]0;owned\x07\x1b[2J\r\xc2\x9b" "31m";

bool raw_controls(const std::string& text) {
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte == 0x1b || byte == 0x07 || byte == '\r') return true;
  }
  return text.find("\xc2\x9b") != std::string::npos;
}

int program_lines(const std::string& text) {
  int count = 0;
  std::size_t at = 0;
  while (at < text.size()) {
    if (text.compare(at, 10, "iotc-jobs:") == 0) ++count;
    at = text.find('\n', at);
    if (at == std::string::npos) break;
    ++at;
  }
  return count;
}

}  // namespace

TEST_CASE("the trace of -v and --debug neutralises control characters from the service",
          "[cli][terminal]") {
  const std::string flag = GENERATE(as<std::string>{}, "-v", "--debug");
  CommandHarness h;
  h.env["IOTC_OUTPUT"] = "jsonl";
  const std::string next = std::string("/api/jobs?api-version=2022-07-31&p=") + kEvil;
  Json first = page({job_json("a", "running")}, next);
  h.http.on("GET", "/api/jobs?api-version=2022-07-31")
      .reply(200, first.dump(-1, ' ', false, Json::error_handler_t::replace),
             {{"Server", kEvil}, {"x-ms-request-id", kEvil}, {std::string("X-") + kEvil, "v"}});
  h.http.on("GET", "/api/jobs").reply(200, page({job_json("b", "running")}));
  const auto result = h.run_line({flag, "list", "--all"});
  INFO(result.err);
  CHECK(result.exit_code == 0);
  CHECK_FALSE(raw_controls(result.err));
  CHECK(has(result.err, "\\x1b"));  // shown, escaped
}

TEST_CASE("a body that is not JSON is neutralised in the --debug trace", "[cli][terminal]") {
  CommandHarness h;
  h.http.on("GET", "/api/jobs/job-1").reply(200, std::string("{\n") + kEvil + "\n}");
  const auto result = h.run_line({"--debug", "show", "job-1"});
  INFO(result.err);
  CHECK(result.exit_code == 1);
  CHECK_FALSE(raw_controls(result.err));
  CHECK(has(result.err, "< \\x1b]0;owned"));
}

TEST_CASE("an error message from the service cannot forge lines of its own", "[cli][terminal]") {
  const int status = GENERATE(400, 404, 409, 500);
  const std::string message = std::string("bad\niotc-jobs: error: forged\r\n") + kEvil;
  CommandHarness h;
  Json body = {{"error", {{"code", "Bad\nCode"}, {"message", message}, {"requestId", "r\nid"}}}};
  h.http.on("GET", "/api/jobs/job-1").reply(status, body);
  const auto result = h.run_line({"--retries", "0", "show", "job-1"});
  INFO(result.err);
  CHECK(result.exit_code != 0);
  CHECK(program_lines(result.err) == 1);
  CHECK(std::count(result.err.begin(), result.err.end(), '\n') == 1);
  CHECK_FALSE(raw_controls(result.err));
  CHECK(has(result.err, "forged"));
}
