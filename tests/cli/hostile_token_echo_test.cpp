// A service (or a proxy before it) that echoes the token back, in whatever encoding: no part of
// it may reach stdout or stderr, with or without --debug (issue 12, item 2).
//
// The token's signature holds long runs of letters and digits, which no encoding changes; a
// check that none of those runs is in the output catches the token in every spelling at once.

#include <catch2/catch.hpp>

#include "job_fixtures.hpp"

using namespace iotc::testing;
using iotc::model::Json;

namespace {

constexpr const char* kSig = "Zm9vYmFyQmF6cXV4%2BdGVzdHNpZ25hdHVyZQ%3D%3D";
constexpr const char* kSas =
    "SharedAccessSignature sr=0f1e2d3c-aaaa-bbbb-cccc-0123456789ab&sig="
    "Zm9vYmFyQmF6cXV4%2BdGVzdHNpZ25hdHVyZQ%3D%3D&skn=operator&se=4102444800";
// The runs of the signature, and of the part before it, that any spelling keeps.
const std::vector<std::string> kSasRuns = {"Zm9vYmFyQmF6cXV4", "dGVzdHNpZ25hdHVyZQ",
                                           "0123456789ab"};
constexpr const char* kOpaque = "Bearer opaqueTokenValue0123456789";
const std::vector<std::string> kOpaqueRuns = {"opaqueTokenValue0123456789"};

std::string percent_encoded(std::string_view text, bool upper) {
  const char* hex = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  std::string out;
  for (const unsigned char c : text) {
    if (std::isalnum(c)) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

// As .NET's JSON writer escapes it: '&', '+', '=' and the like as \u00XX.
std::string json_escaped(std::string_view text, bool upper) {
  const char* hex = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  std::string out;
  for (const unsigned char c : text) {
    if (std::isalnum(c) || c == ' ' || c == '%') {
      out += static_cast<char>(c);
    } else {
      out += "\\u00";
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

std::string without_scheme(std::string_view token) {
  return std::string(token.substr(token.find(' ') + 1));
}

std::string percent_decoded(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size()) {
      out += static_cast<char>(std::stoi(std::string(text.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

// Every way a server has been seen to echo a token, or could.
std::vector<std::pair<std::string, std::string>> echoes_of(const std::string& token) {
  const std::string bare = without_scheme(token);
  std::vector<std::pair<std::string, std::string>> echoes = {
      {"as sent", token},
      {"without the scheme word", bare},
      {"percent-encoded, upper case", percent_encoded(token, true)},
      {"percent-encoded, lower case", percent_encoded(token, false)},
      {"percent-encoded without the scheme word", percent_encoded(bare, true)},
      {"percent-decoded", percent_decoded(token)},
      {"JSON \\u-escaped, upper case", json_escaped(token, true)},
      {"JSON \\u-escaped, lower case", json_escaped(bare, false)},
  };
  if (token.find("sig=") != std::string::npos) {
    echoes.emplace_back("the signature alone", kSig);
    echoes.emplace_back("the signature decoded", percent_decoded(kSig));
    echoes.emplace_back("the signature encoded again", percent_encoded(kSig, false));
    echoes.emplace_back("the signature \\u-escaped", json_escaped(percent_decoded(kSig), true));
  }
  return echoes;
}

void check_no_leak(const Outcome& result, const std::vector<std::string>& runs) {
  for (const auto& run : runs) {
    INFO("stdout:\n" << result.out << "\nstderr:\n" << result.err);
    CHECK_FALSE(has(result.out, run));
    CHECK_FALSE(has(result.err, run));
  }
}

}  // namespace

TEST_CASE("an echoed token in an error message is hidden in every encoding", "[cli][secrets]") {
  const std::string token = GENERATE(as<std::string>{}, kSas, kOpaque);
  const auto& runs = token == kSas ? kSasRuns : kOpaqueRuns;
  for (const auto& [how, echo] : echoes_of(token)) {
    for (const bool debug : {false, true}) {
      CommandHarness h;
      h.env["IOTC_API_TOKEN"] = token;
      // The JSON escapes are written into the body as they are: the service's own escaping.
      h.http.on("GET", "/api/jobs/job-1")
          .reply(400,
                 R"({"error":{"code":"BadToken","message":"refused )" + echo +
                     R"(","requestId":")" + echo + R"("}})",
                 {{"x-ms-error-code", echo},
                  {"Location", echo},
                  {"Server", echo},
                  {"Content-Type", "application/json; " + echo},
                  {"x-ms-request-id", echo}});
      std::vector<std::string> line = {"--retries", "0", "show", "job-1"};
      if (debug) line.insert(line.begin(), "--debug");
      const auto result = h.run_line(line);
      INFO("echoed " << how << (debug ? ", with --debug" : ""));
      CHECK(result.exit_code == 1);
      CHECK(has(result.err, "refused [REDACTED]"));
      check_no_leak(result, runs);
    }
  }
}

TEST_CASE("an echoed token in a job the service returns is hidden on stdout too",
          "[cli][secrets]") {
  const std::string format = GENERATE(as<std::string>{}, "json", "table", "tsv");
  for (const auto& [how, echo] : echoes_of(kSas)) {
    CommandHarness h;
    h.env["IOTC_API_TOKEN"] = kSas;
    h.env["IOTC_OUTPUT"] = format;
    // Into the JSON text as it is, as for the error body: a \u0026 there is the service's own
    // escape of '&'.
    std::string body = job_json("job-1", "running").dump();
    body.insert(1, R"("displayName":"token )" + echo + R"(","description":")" + echo + R"(",)");
    h.http.on("GET", "/api/jobs/job-1").reply(200, body);
    const auto result = h.run_line({"show", "job-1"});
    INFO("echoed " << how << " in -o " << format);
    CHECK(result.exit_code == 0);
    check_no_leak(result, kSasRuns);
  }
}

TEST_CASE("the redaction leaves short parts and ordinary text alone", "[cli][secrets]") {
  CommandHarness h;
  // The docs' emulator token: its parts are too short to hide ("x" would hide every x).
  h.env["IOTC_API_TOKEN"] = "SharedAccessSignature sr=x&sig=x&se=1";
  h.env["IOTC_OUTPUT"] = "json";
  Json job = job_json("job-1", "running");
  job["displayName"] = "x marks 100% of sig=x \\u0026 more";
  h.http.on("GET", "/api/jobs/job-1").reply(200, job);
  const auto result = h.run_line({"show", "job-1"});
  CHECK(result.exit_code == 0);
  CHECK(Json::parse(result.out)["displayName"] == "x marks 100% of sig=x \\u0026 more");
}
