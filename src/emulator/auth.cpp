#include "emulator/auth.hpp"

#include <httplib.h>

#include "util/ascii_case.hpp"
#include "util/trim.hpp"

namespace iotc::emulator {
namespace {

struct Credential {
  std::string scheme;  // lower case
  std::string value;
};

std::optional<Credential> split(std::string_view text) {
  text = util::trim(text);
  auto space = text.find(' ');
  if (space == std::string_view::npos) return std::nullopt;
  std::string scheme = util::to_lower_ascii(text.substr(0, space));
  if (scheme != "sharedaccesssignature" && scheme != "bearer") return std::nullopt;
  std::string_view value = util::trim(text.substr(space + 1));
  if (value.empty()) return std::nullopt;
  return Credential{scheme, std::string(value)};
}

}  // namespace

std::optional<std::string> check_authorization(std::string_view header,
                                               const std::vector<std::string>& tokens,
                                               std::size_t* matched) {
  if (util::trim(header).empty()) return "the Authorization header is missing";
  auto given = split(header);
  if (!given) {
    return "the Authorization header must be 'SharedAccessSignature <token>' or "
           "'Bearer <token>'";
  }
  if (matched != nullptr) *matched = tokens.size();
  if (tokens.empty()) return std::nullopt;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const auto& token = tokens[i];
    bool same = false;
    if (auto configured = split(token)) {
      same = configured->scheme == given->scheme && configured->value == given->value;
    } else {
      same = std::string(util::trim(token)) == given->value;
    }
    if (same) {
      if (matched != nullptr) *matched = i;
      return std::nullopt;
    }
  }
  return "the credential is not valid for this application";
}

std::vector<std::string> read_token_lines(std::string_view text) {
  std::vector<std::string> tokens;
  while (!text.empty()) {
    auto end = text.find('\n');
    std::string_view line = util::trim(text.substr(0, end));
    if (!line.empty() && line.front() != '#') tokens.emplace_back(line);
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return tokens;
}

std::vector<std::string> as_received(const std::vector<std::string>& tokens) {
  std::vector<std::string> decoded;
  decoded.reserve(tokens.size());
  // The same function, with the same arguments, as httplib's header parser.
  for (const auto& token : tokens) decoded.push_back(httplib::detail::decode_url(token, false));
  return decoded;
}

}  // namespace iotc::emulator
