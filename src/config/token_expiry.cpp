#include "config/token_expiry.hpp"

#include "util/ascii_case.hpp"

namespace iotc::config {
namespace {

constexpr std::string_view kSasPrefix = "sharedaccesssignature ";
// An se= after the year 9999 is no expiry a clock reaches, and would overflow one.
constexpr long long kLatestSeconds = 253'402'300'799;

bool is_sas(std::string_view authorization) {
  return authorization.size() > kSasPrefix.size() &&
         util::starts_with_ignoring_case(authorization, kSasPrefix);
}

std::optional<long long> epoch_seconds(std::string_view digits) {
  if (digits.empty() || digits.size() > 12) return std::nullopt;
  long long value = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  if (value > kLatestSeconds) return std::nullopt;
  return value;
}

}  // namespace

std::optional<std::chrono::system_clock::time_point> token_expiry(std::string_view authorization) {
  if (!is_sas(authorization)) return std::nullopt;
  std::string_view fields = authorization.substr(kSasPrefix.size());
  while (!fields.empty()) {
    const auto end = fields.find('&');
    const std::string_view field = fields.substr(0, end);
    if (field.starts_with("se=")) {
      const auto seconds = epoch_seconds(field.substr(3));
      if (!seconds) return std::nullopt;
      return std::chrono::system_clock::time_point(std::chrono::seconds(*seconds));
    }
    if (end == std::string_view::npos) break;
    fields.remove_prefix(end + 1);
  }
  return std::nullopt;
}

}  // namespace iotc::config
