#include "emulator/auth.hpp"

#include <catch2/catch.hpp>

using iotc::emulator::check_authorization;
using iotc::emulator::read_token_lines;

TEST_CASE("a configured header value must match scheme and credential") {
  std::vector<std::string> tokens = {"SharedAccessSignature sr=a&sig=b"};
  CHECK_FALSE(check_authorization("SharedAccessSignature sr=a&sig=b", tokens));
  CHECK_FALSE(check_authorization("sharedaccesssignature sr=a&sig=b", tokens));
  CHECK(check_authorization("Bearer sr=a&sig=b", tokens));
  CHECK(check_authorization("SharedAccessSignature sr=a&sig=c", tokens));
}

TEST_CASE("a bare configured token matches under either scheme") {
  std::vector<std::string> tokens = {"abc"};
  CHECK_FALSE(check_authorization("Bearer abc", tokens));
  CHECK_FALSE(check_authorization("SharedAccessSignature abc", tokens));
  CHECK(check_authorization("abc", tokens));
  CHECK(check_authorization("Basic abc", tokens));
}

TEST_CASE("a missing header is refused even without configured tokens") {
  CHECK(check_authorization("", {}));
  CHECK(check_authorization("   ", {}));
  CHECK_FALSE(check_authorization("Bearer anything", {}));
}

TEST_CASE("the refusal never contains the credential") {
  auto why = check_authorization("Bearer secret-value", {"other"});
  REQUIRE(why);
  CHECK(why->find("secret-value") == std::string::npos);
}

TEST_CASE("token files skip blank lines and comments") {
  auto tokens = read_token_lines("# tokens\n\nBearer a\r\n  b  \n#c\n");
  CHECK(tokens == std::vector<std::string>{"Bearer a", "b"});
}
