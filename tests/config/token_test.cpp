#include "config/token.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <sstream>

#include "errors.hpp"
#include "temp_dir.hpp"

using iotc::config::authorization_value;
using iotc::config::load_credential;
using iotc::config::TokenSource;
using iotc::config::TokenSourceKind;

TEST_CASE("a bare token is sent as Bearer, and a scheme word is kept") {
  CHECK(authorization_value("abc") == "Bearer abc");
  CHECK(authorization_value("Bearer abc") == "Bearer abc");
  CHECK(authorization_value("bearer abc") == "bearer abc");
  CHECK(authorization_value("SharedAccessSignature sr=1&sig=2") ==
        "SharedAccessSignature sr=1&sig=2");
  CHECK(authorization_value("SharedAccessSignaturex") == "Bearer SharedAccessSignaturex");
}

TEST_CASE("the token from IOTC_API_TOKEN, trimmed") {
  std::istringstream in;
  std::ostringstream warnings;
  auto credential = load_credential({TokenSourceKind::environment, "", "IOTC_API_TOKEN"},
                                    {{"IOTC_API_TOKEN", "  tok-123\n"}}, in, warnings);
  CHECK(credential.authorization == "Bearer tok-123");
  CHECK(credential.origin == "IOTC_API_TOKEN");
}

TEST_CASE("the token from standard input, trailing newline trimmed") {
  std::istringstream in("SharedAccessSignature sr=a&sig=b\n");
  std::ostringstream warnings;
  auto credential =
      load_credential({TokenSourceKind::stdin_, "", "standard input"}, {}, in, warnings);
  CHECK(credential.authorization == "SharedAccessSignature sr=a&sig=b");
}

TEST_CASE("the token from a file, and a warning when others can read it") {
  iotc::testing::TempDir dir;
  std::string path = dir.write("token", "secret-value\r\n");
  namespace fs = std::filesystem;
  std::istringstream in;

  fs::permissions(path, fs::perms::owner_read | fs::perms::owner_write);
  std::ostringstream quiet;
  auto credential =
      load_credential({TokenSourceKind::file, path, "--token-file " + path}, {}, in, quiet);
  CHECK(credential.authorization == "Bearer secret-value");
  CHECK(quiet.str().empty());

  fs::permissions(path, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
                            fs::perms::others_read);
  std::ostringstream warnings;
  load_credential({TokenSourceKind::file, path, "--token-file " + path}, {}, in, warnings);
  CHECK(warnings.str().find("readable by others") != std::string::npos);
  CHECK(warnings.str().find("chmod 600") != std::string::npos);
  CHECK(warnings.str().find("secret-value") == std::string::npos);
}

TEST_CASE("missing, empty and multi-line tokens are usage errors that never show the token") {
  std::istringstream in;
  std::ostringstream warnings;
  CHECK_THROWS_AS(load_credential({TokenSourceKind::file, "/nonexistent/t", "--token-file x"}, {},
                                  in, warnings),
                  iotc::UsageError);
  std::istringstream empty("\n\n");
  CHECK_THROWS_AS(
      load_credential({TokenSourceKind::stdin_, "", "standard input"}, {}, empty, warnings),
      iotc::UsageError);
  std::istringstream two_lines("line-one-secret\nline-two\n");
  try {
    load_credential({TokenSourceKind::stdin_, "", "standard input"}, {}, two_lines, warnings);
    FAIL("no exception");
  } catch (const iotc::UsageError& e) {
    CHECK(std::string(e.what()).find("line-one-secret") == std::string::npos);
  }
}

TEST_CASE("no token source sends no Authorization") {
  std::istringstream in;
  std::ostringstream warnings;
  auto credential = load_credential(TokenSource{}, {}, in, warnings);
  CHECK(credential.authorization.empty());
}
