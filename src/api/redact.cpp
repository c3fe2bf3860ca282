#include "api/redact.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "util/ascii_case.hpp"

namespace iotc::api {
namespace {

// Headers whose values never carry a secret. Anything else is shown as [REDACTED].
constexpr std::array<std::string_view, 27> kSafeHeaders = {
    "accept",
    "accept-encoding",
    "cache-control",
    "connection",
    "content-encoding",
    "content-length",
    "content-type",
    "date",
    "etag",
    "expires",
    "if-match",
    "if-none-match",
    "keep-alive",
    "last-modified",
    "location",
    "pragma",
    "request-id",
    "retry-after",
    "server",
    "traceparent",
    "transfer-encoding",
    "user-agent",
    "vary",
    "x-ms-client-request-id",
    "x-ms-error-code",
    "x-ms-request-id",
    "strict-transport-security",
};

// Case-insensitive markers followed by a secret; the secret runs to the next delimiter.
constexpr std::array<std::string_view, 4> kMarkers = {"sig=", "sharedaccesssignature ", "bearer ",
                                                      "access_token="};

bool is_delimiter(char c) {
  return std::isspace(static_cast<unsigned char>(c)) || c == '"' || c == '\'' || c == '<' ||
         c == '>' || c == '\\' || c == ',' || c == ';';
}

// A JSON Web Token (an AAD bearer token) starts with "eyJ" (base64 of '{"') and has dots.
bool looks_like_jwt(std::string_view text, std::size_t at) {
  if (!text.substr(at).starts_with("eyJ")) return false;
  if (at > 0 && (std::isalnum(static_cast<unsigned char>(text[at - 1])) || text[at - 1] == '_')) {
    return false;
  }
  std::size_t end = at;
  while (end < text.size() && !is_delimiter(text[end])) ++end;
  return std::count(text.begin() + static_cast<long>(at), text.begin() + static_cast<long>(end),
                    '.') >= 2;
}

}  // namespace

std::string redact_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t secret_start = std::string_view::npos;
    bool query_value = false;  // sig=...&next=...: the secret ends at '&'
    for (std::string_view marker : kMarkers) {
      if (util::starts_with_ignoring_case(text.substr(i), marker)) {
        out.append(text.substr(i, marker.size()));
        secret_start = i + marker.size();
        query_value = marker.ends_with('=');
        break;
      }
    }
    if (secret_start == std::string_view::npos && looks_like_jwt(text, i)) secret_start = i;
    if (secret_start == std::string_view::npos) {
      out += text[i++];
      continue;
    }
    std::size_t end = secret_start;
    while (end < text.size() && !is_delimiter(text[end]) && !(query_value && text[end] == '&')) {
      ++end;
    }
    if (end > secret_start) out.append(kRedacted);
    i = end;
  }
  return out;
}

std::string redact_header(std::string_view name, std::string_view value) {
  if (util::iequals(name, "authorization") || util::iequals(name, "proxy-authorization")) {
    // Keep the scheme word: "SharedAccessSignature [REDACTED]", "Bearer [REDACTED]".
    std::size_t space = value.find(' ');
    if (space == std::string_view::npos) return std::string(kRedacted);
    return std::string(value.substr(0, space + 1)) + std::string(kRedacted);
  }
  bool safe =
      std::ranges::any_of(kSafeHeaders, [&](std::string_view s) { return util::iequals(s, name); });
  if (!safe) return std::string(kRedacted);
  return redact_text(value);
}

}  // namespace iotc::api
