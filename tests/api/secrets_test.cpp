// SecretRedactor: every spelling of a secret, wherever it lies among bytes that begin other
// spellings or almost do, is replaced, and nothing else is touched.

#include <catch2/catch.hpp>
#include <random>
#include <string>

#include "api/secrets.hpp"

using iotc::api::SecretRedactor;

namespace {

constexpr std::string_view kToken = "SharedAccessSignature sr=app&sig=abc%2Bdef%2F12345&se=99";

SecretRedactor redactor_for(std::string_view authorization) {
  SecretRedactor redactor;
  for (std::string& part : iotc::api::secret_parts(authorization)) redactor.add(std::move(part));
  return redactor;
}

// `secret` spelled with each character chosen among the forms a server may echo it in.
std::string random_spelling(std::string_view secret, std::mt19937& random) {
  static constexpr std::string_view kHex = "0123456789ABCDEF";
  std::string out;
  for (const char c : secret) {
    const auto byte = static_cast<unsigned char>(c);
    switch (random() % 5) {
      case 0:
        out += '%';
        out += kHex[byte >> 4];
        out += kHex[byte & 0xF];
        break;
      case 1:
        out += "\\u00";
        out += static_cast<char>(std::tolower(kHex[byte >> 4]));
        out += static_cast<char>(std::tolower(kHex[byte & 0xF]));
        break;
      case 2:
        out += c == '/' ? std::string("\\/") : std::string(1, c);
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace

TEST_CASE("each spelling of a secret is replaced among near misses", "[secrets]") {
  const SecretRedactor redactor = redactor_for(kToken);
  // Bytes that begin spellings ('S', 's', '%', '\'), or follow one, but spell no secret.
  constexpr std::string_view kFiller = "sSx %\\\"u0a2";
  const std::string parts[] = {std::string(kToken), "sr=app&sig=abc%2Bdef%2F12345&se=99",
                               "abc%2Bdef%2F12345", "abc+def/12345"};
  std::mt19937 random(20261206);
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    std::string expected;
    const int pieces = static_cast<int>(random() % 4);
    for (int piece = 0; piece <= pieces; ++piece) {
      std::string filler(random() % 12, ' ');
      for (char& c : filler) c = kFiller[random() % kFiller.size()];
      text += filler;
      expected += filler;
      if (piece == pieces) break;
      text += random_spelling(parts[random() % std::size(parts)], random);
      expected += "[REDACTED]";
    }
    INFO(text);
    CHECK(redactor.redacted(text) == expected);
  }
}

TEST_CASE("the whole token is replaced as one, not piece by piece", "[secrets]") {
  const SecretRedactor redactor = redactor_for(kToken);
  CHECK(redactor.redacted(std::string("a ") + std::string(kToken) + " b") == "a [REDACTED] b");
  CHECK(redactor.redacted("sig=abc%2Bdef%2F12345&") == "sig=[REDACTED]&");
  // Back to back, and at both ends of the text.
  CHECK(redactor.redacted("abc+def/12345abc+def/12345") == "[REDACTED][REDACTED]");
}

TEST_CASE("text without a secret comes back as it was", "[secrets]") {
  const SecretRedactor redactor = redactor_for(kToken);
  for (const std::string text :
       {"", "s", "S", "%", "\\", "sr=ap", "abc%2Bdef%2F1234", "%zz\\u12\\q", "SharedAccess"}) {
    CHECK(redactor.redacted(text) == text);
  }
  SecretRedactor none;
  CHECK(none.empty());
  CHECK(none.redacted("abc+def/12345") == "abc+def/12345");
}

TEST_CASE("a secret that begins with an escape is found too", "[secrets]") {
  SecretRedactor redactor;
  redactor.add("%2Fsecret-value");
  redactor.add("short");  // under kMinSecretLength: ignored
  CHECK(redactor.redacted("x %2Fsecret-value y %252Fsecret-value short") ==
        "x [REDACTED] y [REDACTED] short");
}
