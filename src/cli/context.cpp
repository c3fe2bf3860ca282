#include "cli/context.hpp"

#include <iostream>

#include "api/redact.hpp"
#include "cli/catalogs.hpp"
#include "config/input_file.hpp"
#include "config/token.hpp"
#include "config/token_expiry.hpp"
#include "errors.hpp"
#include "output/columns.hpp"
#include "output/text.hpp"
#include "output/time_text.hpp"
#include "util/uuid.hpp"

namespace iotc::cli {
namespace {

// Bytes of whole lines that stdout holds before redacting them and passing them on.
constexpr std::size_t kStdoutBatch = 64 * 1024;

}  // namespace

Context::Context(config::Environment env, Streams streams, const InterruptFlag& interrupt,
                 Dependencies dependencies)
    : env_(std::move(env)),
      streams_(streams),
      out_(streams.out,
           [this](std::ostream& out, std::string_view text) { write_redacted_known(out, text); },
           kStdoutBatch),
      err_(streams.err,
           [this](std::ostream& out, std::string_view text) { write_redacted_known(out, text); }),
      interrupt_(interrupt),
      make_transport_(std::move(dependencies.make_transport)),
      clock_(dependencies.clock != nullptr ? dependencies.clock : &system_clock_),
      random_(dependencies.random ? std::move(dependencies.random) : api::system_random()),
      stdin_is_terminal_(std::move(dependencies.stdin_is_terminal)) {}

Context::~Context() {
  // Whatever a command left unflushed still reaches the real streams, redacted.
  out_.flush();
  err_.flush();
}

const config::Settings& Context::settings() {
  if (!settings_) settings_ = config::resolve_settings(global_.flags, env_);
  return *settings_;
}

output::Output Context::make_output(const std::optional<std::string>& format_name) {
  output::OutputSettings settings;
  if (format_name) {
    const auto format = output::parse_format(*format_name);
    if (!format) {
      throw UsageError("unknown output format '" + *format_name + "' (expected " +
                       output::format_list() + ")");
    }
    settings.format = *format;
  }
  settings.columns = global_.columns;
  settings.quiet = global_.quiet;
  const auto lookup = [this](std::string_view name) -> std::optional<std::string> {
    const auto found = env_.find(std::string(name));
    if (found == env_.end()) return std::nullopt;
    return found->second;
  };
  return output::Output(out_, err_, output::detect_terminal(lookup, global_.no_color),
                        std::move(settings), [this] { return service_now(); });
}

output::Output& Context::output() {
  if (!output_) output_ = std::make_unique<output::Output>(make_output(settings().output));
  return *output_;
}

output::Output& Context::error_output() {
  if (!error_output_) {
    error_output_ = std::make_unique<output::Output>(make_output(std::nullopt));
  }
  return *error_output_;
}

api::Client& Context::client() {
  if (client_) return *client_;
  const auto& resolved = settings();
  // --columns is otherwise read when the answer is printed: a bad one would fail only after a
  // create or a stop had been sent.
  if (global_.columns) output::parse_columns(*global_.columns, every_column());
  const config::Credential credential =
      config::load_credential(resolved.token, env_, streams_.in, err_);
  api::CurlOptions curl;
  curl.cacert = resolved.cacert;
  if (resolved.cacert) {
    curl.cacert_pem =
        config::read_input_file(*resolved.cacert, "--cacert", defaults::kMaxCaFileBytes);
  }
  curl.no_proxy = resolved.no_proxy;
  // Ctrl-C stops a request in flight too, not only a wait between requests.
  curl.abort_requested = [this] { return interrupt_.raised(); };
  transport_ = make_transport_(std::move(curl));
  const auto level = resolved.debug     ? api::TraceLevel::debug
                     : resolved.verbose ? api::TraceLevel::verbose
                                        : api::TraceLevel::off;
  tracer_ = std::make_unique<api::Tracer>(
      err_, level, [](std::string_view line) { return output::neutralize_controls(line); });
  tracer_->add_authorization(credential.authorization);
  token_expiry_ = config::token_expiry(credential.authorization);
  token_origin_ = credential.origin;
  api::ClientOptions options;
  options.base_url = resolved.base_url;
  options.api_version = resolved.api_version;
  options.authorization = credential.authorization;
  options.token_origin = credential.origin;
  options.target = resolved.target_label();
  options.request_id = util::new_uuid_v4();
  options.retry.max_retries = resolved.retries;
  // --timeout is the command's one deadline, for a wait's polls too: a service that hangs must
  // not keep `wait --timeout 1m` going for minutes. A poll it cuts ends the wait with exit 5
  // once the job was seen (cli/waiter.cpp).
  options.timeout = resolved.timeout;
  options.page_size = global_.page_size;
  client_ =
      std::make_unique<api::Client>(std::move(options), *transport_, *clock_, random_, *tracer_);
  return *client_;
}

std::string Context::redact(std::string_view text) const {
  return tracer_ ? tracer_->redact(text) : api::redact_text(text);
}

void Context::write_redacted_known(std::ostream& out, std::string_view text) const {
  if (tracer_) {
    tracer_->write_redacted_known(out, text);
  } else {
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
  }
}

std::chrono::system_clock::time_point Context::wall_now() const {
  return clock_->wall_now();
}

std::chrono::system_clock::time_point Context::service_now() const {
  if (client_) {
    if (const auto now = client_->service_now()) return *now;
  }
  return clock_->wall_now();
}

std::optional<std::string> Context::expired_token_note() const {
  if (!token_expiry_ || *token_expiry_ > clock_->wall_now()) return std::nullopt;
  return "the token from " + token_origin_ + " expired at " +
         output::format_rfc3339(*token_expiry_) +
         " (by this machine's clock); create a new one in the app (Permissions > API tokens), "
         "or with 'az iot central api-token create', and pass it in IOTC_API_TOKEN or with "
         "--token-file";
}

}  // namespace iotc::cli
