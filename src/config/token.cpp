#include "config/token.hpp"

#include <sys/stat.h>

#include <cctype>

#include "config/input_file.hpp"
#include "defaults.hpp"
#include "errors.hpp"
#include "util/ascii_case.hpp"
#include "util/trim.hpp"

namespace iotc::config {
namespace {

bool starts_with_word(std::string_view text, std::string_view word) {
  return text.size() > word.size() && text[word.size()] == ' ' &&
         util::starts_with_ignoring_case(text, word);
}

// Like ssh with a private key: a secret that others can read deserves a warning.
void warn_if_exposed(const std::string& path, std::ostream& warnings) {
  struct stat info {};
  if (stat(path.c_str(), &info) != 0) return;
  if ((info.st_mode & (S_IRGRP | S_IROTH)) == 0) return;
  char mode[8];
  std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(info.st_mode & 07777));
  warnings << "iotc-jobs: warning: the token file " << path << " is readable by "
           << ((info.st_mode & S_IROTH) ? "others" : "its group") << " (mode " << mode
           << "); restrict it with: chmod 600 " << path << '\n';
}

std::string checked(std::string token, const std::string& origin) {
  // Editors on Windows start a UTF-8 file with a byte order mark; it is not part of the token.
  constexpr std::string_view kBom = "\xEF\xBB\xBF";
  if (token.starts_with(kBom)) token.erase(0, kBom.size());
  token = std::string(util::trim(token));
  if (token.empty()) throw UsageError("the API token from " + origin + " is empty");
  // A scheme word alone would be sent as "Bearer Bearer".
  for (const std::string_view scheme : {"SharedAccessSignature", "Bearer"}) {
    if (token.size() == scheme.size() && starts_with_word(token + " x", scheme)) {
      throw UsageError("the API token from " + origin + " is only the word '" + token +
                       "': the token itself is missing");
    }
  }
  for (char c : token) {
    if (std::iscntrl(static_cast<unsigned char>(c))) {
      // A newline inside would split the header; a second line is most likely a mistake.
      throw UsageError("the API token from " + origin +
                       " has more than one line or a control character");
    }
  }
  return token;
}

}  // namespace

std::string authorization_value(std::string_view token) {
  if (starts_with_word(token, "SharedAccessSignature") || starts_with_word(token, "Bearer")) {
    return std::string(token);
  }
  return "Bearer " + std::string(token);
}

Credential load_credential(const TokenSource& source, const std::map<std::string, std::string>& env,
                           std::istream& in, std::ostream& warnings) {
  std::string token;
  switch (source.kind) {
    case TokenSourceKind::none:
      return {};
    case TokenSourceKind::environment: {
      auto it = env.find("IOTC_API_TOKEN");
      token = it == env.end() ? std::string() : it->second;
      break;
    }
    case TokenSourceKind::file: {
      token = read_input_file(source.path, "the token file", defaults::kMaxTokenFileBytes);
      warn_if_exposed(source.path, warnings);
      break;
    }
    case TokenSourceKind::stdin_: {
      token = read_input_stream(in, "the token on standard input", defaults::kMaxTokenFileBytes);
      break;
    }
  }
  return {authorization_value(checked(std::move(token), source.origin)), source.origin};
}

}  // namespace iotc::config
