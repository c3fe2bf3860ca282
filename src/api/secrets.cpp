#include "api/secrets.hpp"

#include <algorithm>
#include <array>
#include <optional>

#include "api/redact.hpp"
#include "api/trace.hpp"

namespace iotc::api {
namespace {

std::optional<unsigned> hex_value(char c) {
  if (c >= '0' && c <= '9') return static_cast<unsigned>(c - '0');
  if (c >= 'a' && c <= 'f') return static_cast<unsigned>(c - 'a' + 10);
  if (c >= 'A' && c <= 'F') return static_cast<unsigned>(c - 'A' + 10);
  return std::nullopt;
}

// The number written by `digits` hex digits at `at`, if they are all there.
std::optional<unsigned> hex_at(std::string_view text, std::size_t at, std::size_t digits) {
  if (text.size() < at + digits) return std::nullopt;
  unsigned value = 0;
  for (std::size_t i = 0; i < digits; ++i) {
    const auto digit = hex_value(text[at + i]);
    if (!digit) return std::nullopt;
    value = value * 16 + *digit;
  }
  return value;
}

std::string percent_decoded(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%') {
      if (const auto byte = hex_at(text, i + 1, 2)) {
        out += static_cast<char>(*byte);
        i += 2;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

// The end of `secret[from..]` spelled in `text` at `at` (each character as is, as %XX, as
// \uXXXX or as "\/"), or npos. Alternatives are tried in turn: "%25" may be a literal '%'
// followed by "25", or an encoded '%'.
std::size_t match_end(std::string_view text, std::size_t at, std::string_view secret,
                      std::size_t from) {
  // Plain characters need no alternatives: walk them without recursing, so that the depth is
  // the number of escapes, not the secret's length.
  while (from < secret.size() && at < text.size() && text[at] == secret[from] && text[at] != '%' &&
         text[at] != '\\') {
    ++at;
    ++from;
  }
  if (from == secret.size()) return at;
  if (at >= text.size()) return std::string_view::npos;
  const auto wanted = static_cast<unsigned char>(secret[from]);
  if (static_cast<unsigned char>(text[at]) == wanted) {
    const auto end = match_end(text, at + 1, secret, from + 1);
    if (end != std::string_view::npos) return end;
  }
  if (text[at] == '%') {
    if (const auto byte = hex_at(text, at + 1, 2); byte && *byte == wanted) {
      const auto end = match_end(text, at + 3, secret, from + 1);
      if (end != std::string_view::npos) return end;
    }
  }
  if (text[at] == '\\' && at + 1 < text.size()) {
    if (text[at + 1] == 'u') {
      if (const auto code = hex_at(text, at + 2, 4); code && *code == wanted) {
        const auto end = match_end(text, at + 6, secret, from + 1);
        if (end != std::string_view::npos) return end;
      }
    } else if (text[at + 1] == '/' && wanted == '/') {
      return match_end(text, at + 2, secret, from + 1);
    }
  }
  return std::string_view::npos;
}

void add_part(std::vector<std::string>& parts, std::string_view part) {
  for (const std::string& text : {std::string(part), percent_decoded(part)}) {
    if (text.size() >= kMinSecretLength && std::ranges::find(parts, text) == parts.end()) {
      parts.push_back(text);
    }
  }
}

}  // namespace

std::vector<std::string> secret_parts(std::string_view authorization) {
  std::vector<std::string> parts;
  add_part(parts, authorization);
  std::string_view token = authorization;
  if (const auto space = token.find(' '); space != std::string_view::npos) {
    token.remove_prefix(space + 1);
    while (token.starts_with(' ')) token.remove_prefix(1);
    add_part(parts, token);
  }
  // A SAS token's signature: the value of sig= among its &-separated fields.
  for (std::string_view rest = token; !rest.empty();) {
    const auto amp = rest.find('&');
    const std::string_view field = rest.substr(0, amp);
    if (field.starts_with("sig=")) add_part(parts, field.substr(4));
    if (amp == std::string_view::npos) break;
    rest.remove_prefix(amp + 1);
  }
  // A JWT's signature: its last dot-separated segment.
  if (token.starts_with("eyJ")) {
    if (const auto dot = token.rfind('.'); dot != std::string_view::npos) {
      add_part(parts, token.substr(dot + 1));
    }
  }
  // Longest first, so that the whole value is replaced as one rather than piece by piece.
  std::ranges::sort(parts, [](const auto& a, const auto& b) { return a.size() > b.size(); });
  return parts;
}

std::string redact_secrets(std::string_view text, const std::vector<std::string>& secrets) {
  // One pass over the text: only a byte that can begin some secret's spelling (its first
  // character, or an escape) is looked at twice, so that a long listing on stdout costs little.
  std::array<bool, 256> may_start{};
  may_start[static_cast<unsigned char>('%')] = true;
  may_start[static_cast<unsigned char>('\\')] = true;
  bool any = false;
  for (const std::string& secret : secrets) {
    if (secret.empty()) continue;
    may_start[static_cast<unsigned char>(secret.front())] = true;
    any = true;
  }
  if (!any) return std::string(text);
  std::string out;
  out.reserve(text.size());
  std::size_t at = 0;
  while (at < text.size()) {
    if (may_start[static_cast<unsigned char>(text[at])]) {
      std::size_t end = std::string_view::npos;
      for (const std::string& secret : secrets) {  // longest first (secret_parts, Tracer)
        if (secret.empty()) continue;
        end = match_end(text, at, secret, 0);
        if (end != std::string_view::npos) break;
      }
      if (end != std::string_view::npos) {
        out.append(kRedacted);
        at = end;
        continue;
      }
    }
    out += text[at++];
  }
  return out;
}

}  // namespace iotc::api
