#pragma once
// The token in no output: which parts of an Authorization value are secret, and how to find
// them in text a server may have re-encoded.
//
// A server or proxy that echoes the token may do so as sent, percent-encoded (either hex case,
// once more over the token's own %XX), percent-decoded (the signature's %2B as '+'), or inside a
// JSON string with \uXXXX or "\/" escapes. Matching decodes one level of any of these, character
// by character, so one secret covers every such spelling without listing them.

#include <string>
#include <string_view>
#include <vector>

namespace iotc::api {

// Parts shorter than this are not hidden: a short part ("sig=x" in the docs) would hide every
// "x". A real token, and its signature, are far longer.
inline constexpr std::size_t kMinSecretLength = 8;

// What must never be shown of `authorization` ("SharedAccessSignature sr=..&sig=..&se=..",
// "Bearer eyJ..", or a bare token): the whole value, the token without its scheme word, the
// signature value alone (a SAS token's sig=, a JWT's last segment), each also percent-decoded.
// Only parts of kMinSecretLength characters or more.
std::vector<std::string> secret_parts(std::string_view authorization);

// `text` with every occurrence of each secret, in any of the encodings above, replaced by
// [REDACTED].
std::string redact_secrets(std::string_view text, const std::vector<std::string>& secrets);

}  // namespace iotc::api
