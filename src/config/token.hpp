#pragma once
// Where the API token comes from, and turning it into an Authorization header value.
//
// Sources, first found wins: --token-file PATH or --token-file - (standard input), then
// IOTC_API_TOKEN, then the profile's token_file. The token is read only when a request is
// about to be sent, is trimmed of surrounding whitespace, and is never printed: messages name
// its origin instead.

#include <istream>
#include <map>
#include <ostream>
#include <string>
#include <string_view>

namespace iotc::config {

enum class TokenSourceKind {
  none,         // no token configured: requests go without Authorization
  environment,  // IOTC_API_TOKEN
  file,         // --token-file PATH or a profile's token_file
  stdin_,       // --token-file -
};

struct TokenSource {
  TokenSourceKind kind = TokenSourceKind::none;
  std::string path;    // for `file`
  std::string origin;  // for messages: "IOTC_API_TOKEN", "--token-file /p", "profile 'x' ..."
};

struct Credential {
  std::string authorization;  // the Authorization header value; empty for no token
  std::string origin;         // TokenSource::origin
};

// "SharedAccessSignature sr=..." and "Bearer x" are kept as they are; a bare token gets
// "Bearer ". The scheme word is matched case-insensitively.
std::string authorization_value(std::string_view token);

// Reads the token from its source. `env` is the environment map; `in` is standard input;
// `warnings` gets a line when a token file is readable by group or others (as ssh warns).
// Throws UsageError for an unreadable file or an empty token.
Credential load_credential(const TokenSource& source, const std::map<std::string, std::string>& env,
                           std::istream& in, std::ostream& warnings);

}  // namespace iotc::config
