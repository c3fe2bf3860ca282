#pragma once
// When an IoT Central API token (a shared access signature) expires: its se= field. Read only to
// explain a refusal: an expired token is still sent, as the service's clock decides and a CI
// runner's clock may be wrong.

#include <chrono>
#include <optional>
#include <string_view>

namespace iotc::config {

// The se= time (seconds since the Unix epoch) of the Authorization value
// "SharedAccessSignature sr=...&se=..."; nullopt for another scheme, or without a readable se.
std::optional<std::chrono::system_clock::time_point> token_expiry(std::string_view authorization);

}  // namespace iotc::config
