#include <catch2/catch.hpp>
#include <sstream>

#include "api/redact.hpp"
#include "api/trace.hpp"

using iotc::api::redact_header;
using iotc::api::redact_text;

TEST_CASE("Authorization keeps its scheme word only") {
  CHECK(redact_header("Authorization", "SharedAccessSignature sr=a&sig=b&se=1") ==
        "SharedAccessSignature [REDACTED]");
  CHECK(redact_header("authorization", "Bearer eyJhbGciOi.x.y") == "Bearer [REDACTED]");
  CHECK(redact_header("AUTHORIZATION", "rawtoken") == "[REDACTED]");
}

TEST_CASE("headers are shown only when allowlisted") {
  CHECK(redact_header("Content-Type", "application/json") == "application/json");
  CHECK(redact_header("x-ms-request-id", "abc") == "abc");
  CHECK(redact_header("Retry-After", "5") == "5");
  CHECK(redact_header("Set-Cookie", "session=1") == "[REDACTED]");
  CHECK(redact_header("X-Custom-Key", "k") == "[REDACTED]");
}

TEST_CASE("token-like values are scrubbed from text") {
  CHECK(redact_text("https://h/api/jobs?sig=abc%2Bdef&se=1") ==
        "https://h/api/jobs?sig=[REDACTED]&se=1");
  CHECK(redact_text(R"({"auth":"SharedAccessSignature sr=x&sig=y&skn=z"})") ==
        R"({"auth":"SharedAccessSignature [REDACTED]"})");
  CHECK(redact_text("bearer abc.def") == "bearer [REDACTED]");
  CHECK(redact_text("token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOjF9.sig end") == "token [REDACTED] end");
  CHECK(redact_text("no secrets here: skipToken=5") == "no secrets here: skipToken=5");
  CHECK(redact_text("") == "");
}

TEST_CASE("describe_request prints the request with its token redacted (dry run)") {
  iotc::api::Request request;
  request.method = iotc::api::Method::put;
  request.url = "https://a.example/api/jobs/j1?api-version=2022-07-31";
  request.headers.add("Authorization", "Bearer supersecret");
  request.headers.add("Content-Type", "application/json");
  request.body = R"({"group":"g"})";
  CHECK(iotc::api::describe_request(request) ==
        "PUT https://a.example/api/jobs/j1?api-version=2022-07-31\n"
        "Authorization: Bearer [REDACTED]\n"
        "Content-Type: application/json\n"
        "\n"
        "{\"group\":\"g\"}\n");
}

TEST_CASE("the tracer removes a registered secret wherever it appears") {
  std::ostringstream out;
  iotc::api::Tracer tracer(out, iotc::api::TraceLevel::verbose);
  tracer.add_secret("canary-token-1234");
  tracer.note("echo canary-token-1234 and canary-token-1234");
  CHECK(out.str() == "iotc-jobs: echo [REDACTED] and [REDACTED]\n");
}

TEST_CASE("verbose tracing writes one line per attempt, nothing when off") {
  iotc::api::Request request;
  request.url = "https://a.example/api/jobs";
  iotc::api::TransportResult result = iotc::api::Response{503, {}, "body"};
  iotc::api::AttemptInfo info{request, result, std::chrono::milliseconds(12), 1,
                              std::chrono::milliseconds(1500)};
  std::ostringstream out;
  iotc::api::Tracer(out, iotc::api::TraceLevel::verbose).attempt(info, 4);
  CHECK(out.str() ==
        "iotc-jobs: GET https://a.example/api/jobs -> 503 12 ms, retry 1/4, retrying in 1.5 s\n");
  std::ostringstream none;
  iotc::api::Tracer(none, iotc::api::TraceLevel::off).attempt(info, 4);
  CHECK(none.str().empty());
}

TEST_CASE("redact() takes out a registered secret whole before scrubbing token patterns") {
  iotc::api::Tracer tracer;  // no trace stream: redact() still works, for error messages
  tracer.add_secret("SharedAccessSignature sr=app&sig=abcdefgh12345678&se=1");
  tracer.add_secret("sr=app&sig=abcdefgh12345678&se=1");
  tracer.add_secret("short");  // too short to be a token: left alone
  CHECK(tracer.redact("bad header: SharedAccessSignature sr=app&sig=abcdefgh12345678&se=1") ==
        "bad header: [REDACTED]");
  CHECK(tracer.redact("got sr=app&sig=abcdefgh12345678&se=1.") == "got [REDACTED].");
  CHECK(tracer.redact("a short answer") == "a short answer");
  // Token patterns go even when nobody registered them.
  CHECK(tracer.redact("Bearer eyJhbGciOi.x.y") == "Bearer [REDACTED]");
}

TEST_CASE("debug tracing puts every body line behind the arrow of its direction") {
  iotc::api::Request request;
  request.method = iotc::api::Method::put;
  request.url = "https://a.example/api/jobs/j1";
  request.body = "{\"a\":1}";
  iotc::api::TransportResult result = iotc::api::Response{200, {}, "{\n  \"id\": \"j1\"\n}"};
  iotc::api::AttemptInfo info{request, result, std::chrono::milliseconds(3), 0, std::nullopt};
  std::ostringstream out;
  iotc::api::Tracer(out, iotc::api::TraceLevel::debug).attempt(info, 4);
  CHECK(out.str() ==
        "> PUT https://a.example/api/jobs/j1\n"
        "> {\"a\":1}\n"
        "iotc-jobs: PUT https://a.example/api/jobs/j1 -> 200 3 ms\n"
        "< {\n"
        "<   \"id\": \"j1\"\n"
        "< }\n");
}
