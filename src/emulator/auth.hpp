#pragma once
// Which Authorization headers the emulator accepts.
//
// A header is "<scheme> <credential>" with scheme SharedAccessSignature or Bearer (any case).
// A configured token that starts with a scheme word must match the header exactly (scheme
// compared without case); a bare configured token matches its credential under either
// scheme. With no token configured, any well-formed header is accepted.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace iotc::emulator {

// nullopt: accepted. Otherwise why not (never containing the credential). When accepted and
// `matched` is given, it is set to the index in `tokens` of the first token the header matches
// (tokens.size() when no token is configured and any header is accepted).
std::optional<std::string> check_authorization(std::string_view header,
                                               const std::vector<std::string>& tokens,
                                               std::size_t* matched = nullptr);

// Tokens from a file: one per line; blank lines and lines starting with '#' are skipped.
std::vector<std::string> read_token_lines(std::string_view text);

// The configured tokens in the form the HTTP library hands the Authorization header over:
// cpp-httplib 0.11 percent-decodes every header value as it parses it, so a SAS token's
// `%2B`/`%3D` arrive as `+`/`=`. Decoding each configured token the same way once lets a token
// given verbatim (as IoT Central generates it) match the header a client sends verbatim.
std::vector<std::string> as_received(const std::vector<std::string>& tokens);

}  // namespace iotc::emulator
