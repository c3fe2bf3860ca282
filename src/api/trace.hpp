#pragma once
// Request tracing (-v, --debug), redacted (api/redact.hpp) before anything is written.

#include <chrono>
#include <functional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "api/retry_policy.hpp"
#include "api/secrets.hpp"
#include "api/transport.hpp"

namespace iotc::api {

// "PUT https://app.azureiotcentral.com/api/jobs/j1?api-version=2022-07-31", then one line per
// header (redacted), a blank line and the body (redacted): what --dry-run prints.
std::string describe_request(const Request& request);

enum class TraceLevel {
  off,
  verbose,  // -v: one line per attempt
  debug,    // --debug: also headers and bodies, redacted
};

// Writes traces to an injected stream (stderr in the CLI).
class Tracer {
 public:
  // What every trace line goes through after redaction, to make it safe for a terminal (the
  // CLI neutralises control characters, as in any message: a service must not be able to write
  // escape sequences, or a line of its own, to stderr).
  using LineFilter = std::function<std::string(std::string_view)>;

  Tracer() = default;
  Tracer(std::ostream& out, TraceLevel level, LineFilter filter = {})
      : out_(&out), level_(level), filter_(std::move(filter)) {}

  TraceLevel level() const { return out_ ? level_ : TraceLevel::off; }

  // "-> GET https://... 200 12 ms" (+ "retry 1/4", "retrying in 0.4 s"); with debug, the
  // request's and the response's headers and bodies.
  void attempt(const AttemptInfo& info, int max_retries) const;
  // A free-form line, e.g. why a call gave up.
  void note(std::string_view line) const;
  // A value that must never appear in a trace, whatever its shape (the token itself), in any
  // encoding a server may echo it in (api/secrets.hpp). Shorter than kMinSecretLength: ignored.
  void add_secret(std::string secret);
  // Every secret part of an Authorization value (secret_parts()).
  void add_authorization(std::string_view authorization);
  // `text` with every token-like value and every added secret replaced by [REDACTED]: for
  // traces, and for error messages, which may quote what a server echoed back.
  std::string redact(std::string_view text) const;
  // `text` with the added secrets replaced, and nothing else: for results on stdout, where a
  // token-like pattern may be the user's own data.
  std::string redact_known(std::string_view text) const;
  // redact_known() written to `out`.
  void write_redacted_known(std::ostream& out, std::string_view text) const {
    secrets_.write_redacted(out, text);
  }

 private:
  void line(std::string_view arrow, std::string_view text) const;
  void write_headers(std::string_view arrow, const Headers& headers) const;
  void write_body(std::string_view arrow, std::string_view body) const;
  std::ostream* out_ = nullptr;
  TraceLevel level_ = TraceLevel::off;
  LineFilter filter_;
  SecretRedactor secrets_;
};

}  // namespace iotc::api
