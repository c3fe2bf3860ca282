#pragma once
// The token in no output: which parts of an Authorization value are secret, and how to find
// them in text a server may have re-encoded.
//
// A server or proxy that echoes the token may do so as sent, percent-encoded (either hex case,
// once more over the token's own %XX), percent-decoded (the signature's %2B as '+'), or inside a
// JSON string with \uXXXX or "\/" escapes. Matching decodes one level of any of these, character
// by character, so one secret covers every such spelling without listing them.

#include <array>
#include <iosfwd>
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

// Replaces the secrets it holds, in any of the encodings above, by [REDACTED]. Built once per
// token: stdout goes through it, so a listing of megabytes is searched with memchr for the few
// bytes that can begin a secret's spelling, a match is tried only where the next byte can go on
// with it, and the text between is copied in runs.
class SecretRedactor {
 public:
  // Ignores a secret shorter than kMinSecretLength, or one it already holds.
  void add(std::string secret);
  bool empty() const { return secrets_.empty(); }
  // `text` appended to `out`, every occurrence of each secret replaced.
  void append_redacted(std::string& out, std::string_view text) const;
  std::string redacted(std::string_view text) const;
  // The same written to `out`, without a copy of the text.
  void write_redacted(std::ostream& out, std::string_view text) const;

 private:
  template <typename Emit>
  void redact_pieces(std::string_view text, Emit emit) const;
  // A byte that can begin a spelling, and the bytes that can follow it in one.
  struct Start {
    char byte;
    std::array<bool, 256> may_follow{};
  };
  Start& start_for(char byte);
  // The end of a secret's spelling that begins at `at` (the longest secret first), or npos.
  std::size_t match_at(std::string_view text, std::size_t at) const;
  std::vector<std::string> secrets_;  // longest first: the whole token is replaced as one
  std::vector<Start> starts_;
};

}  // namespace iotc::api
