#pragma once
// Redaction is allowlist-based, like azure-sdk-for-cpp's logging policy: a header's value is
// shown only when its name is on a list of headers known to carry no secret; every other value
// prints as [REDACTED]. Authorization keeps its scheme word ("SharedAccessSignature [REDACTED]")
// so that a trace still shows which kind of token was sent. Bodies and URLs are scrubbed of
// token-like values (sig=..., SharedAccessSignature ..., Bearer ...).

#include <string>
#include <string_view>

namespace iotc::api {

inline constexpr std::string_view kRedacted = "[REDACTED]";

// The value to show for header `name`.
std::string redact_header(std::string_view name, std::string_view value);
// `text` with every token-like value replaced by [REDACTED].
std::string redact_text(std::string_view text);

}  // namespace iotc::api
