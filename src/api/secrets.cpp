#include "api/secrets.hpp"

#include <algorithm>
#include <optional>
#include <ostream>

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

SecretRedactor::Start& SecretRedactor::start_for(char byte) {
  for (Start& start : starts_) {
    if (start.byte == byte) return start;
  }
  return starts_.emplace_back(Start{byte, {}});
}

void SecretRedactor::add(std::string secret) {
  // Short values would redact ordinary words; a real token is far longer.
  if (secret.size() < kMinSecretLength || std::ranges::find(secrets_, secret) != secrets_.end()) {
    return;
  }
  // A spelling begins with an escape of the first character (anything may follow)...
  for (const char escape : {'%', '\\'}) start_for(escape).may_follow.fill(true);
  // ...or with the first character as it is, followed by the second in any spelling.
  auto& follow = start_for(secret[0]).may_follow;
  for (const char next : {secret[1], '%', '\\'}) follow[static_cast<unsigned char>(next)] = true;
  secrets_.push_back(std::move(secret));
  std::ranges::stable_sort(secrets_,
                           [](const auto& a, const auto& b) { return a.size() > b.size(); });
}

std::size_t SecretRedactor::match_at(std::string_view text, std::size_t at) const {
  for (const std::string& secret : secrets_) {
    const std::size_t end = match_end(text, at, secret, 0);
    if (end != std::string_view::npos) return end;
  }
  return std::string_view::npos;
}

// Passes `text` to `emit` in pieces, each occurrence of a secret as kRedacted, the text between
// as it is (all of it at once when there is no secret in it).
template <typename Emit>
void SecretRedactor::redact_pieces(std::string_view text, Emit emit) const {
  if (secrets_.empty()) {
    emit(text);
    return;
  }
  // One lane per byte that can begin a spelling: next[k] is where starts_[k].byte next occurs
  // (npos: nowhere), found by string_view::find, a memchr. A secret is at least two characters,
  // so a match is tried only where the following byte may go on with one.
  std::vector<std::size_t> next(starts_.size());
  for (std::size_t k = 0; k < starts_.size(); ++k) next[k] = text.find(starts_[k].byte);
  std::size_t passed = 0;  // text before this has gone to `emit`
  while (true) {
    const auto lane = static_cast<std::size_t>(std::ranges::min_element(next) - next.begin());
    const std::size_t at = next[lane];
    if (at == std::string_view::npos) break;
    const bool may_begin = at + 1 < text.size() &&
                           starts_[lane].may_follow[static_cast<unsigned char>(text[at + 1])];
    const std::size_t end = may_begin ? match_at(text, at) : std::string_view::npos;
    if (end == std::string_view::npos) {
      next[lane] = text.find(starts_[lane].byte, at + 1);
      continue;
    }
    if (at > passed) emit(text.substr(passed, at - passed));
    emit(kRedacted);
    passed = end;
    // A start inside the secret's spelling begins nothing.
    for (std::size_t k = 0; k < starts_.size(); ++k) {
      if (next[k] < end) next[k] = text.find(starts_[k].byte, end);
    }
  }
  if (passed < text.size()) emit(text.substr(passed));
}

void SecretRedactor::append_redacted(std::string& out, std::string_view text) const {
  redact_pieces(text, [&out](std::string_view piece) { out += piece; });
}

void SecretRedactor::write_redacted(std::ostream& out, std::string_view text) const {
  redact_pieces(text, [&out](std::string_view piece) {
    out.write(piece.data(), static_cast<std::streamsize>(piece.size()));
  });
}

std::string SecretRedactor::redacted(std::string_view text) const {
  std::string out;
  out.reserve(text.size());
  append_redacted(out, text);
  return out;
}

}  // namespace iotc::api
