#pragma once
// Everything a command needs besides its own options: settings, the API client, output, time,
// randomness and the Ctrl-C flag. Built once by main; no globals. The settings and the client
// are made on first use, so that --help and --version need no app or token.
//
// What reaches outside the process (the transport, the clock, randomness) comes in as
// Dependencies: main wires libcurl and the system clock, a test wires fakes and runs a command
// in-process.

#include <chrono>
#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>

#include "api/client.hpp"
#include "api/clock.hpp"
#include "api/curl_transport.hpp"
#include "api/trace.hpp"
#include "cli/interrupt.hpp"
#include "cli/redacting_stream.hpp"
#include "config/settings.hpp"
#include "output/output.hpp"

namespace iotc::cli {

// The global options, as the command line gave them.
struct GlobalOptions {
  config::Flags flags;
  std::optional<std::string> columns;
  std::optional<int> page_size;  // --page-size: maxpagesize where the call and version take it
  bool no_color = false;
  bool quiet = false;
};

struct Streams {
  std::istream& in;
  std::ostream& out;
  std::ostream& err;
};

// Makes the transport once the settings are known (--cacert, NO_PROXY, Ctrl-C). The options
// are libcurl's, as the one real transport needs them; a fake may ignore them.
using TransportFactory = std::function<std::unique_ptr<api::Transport>(api::CurlOptions)>;

struct Dependencies {
  TransportFactory make_transport;  // required
  // Null: the system clock. Otherwise it must outlive the Context.
  api::Clock* clock = nullptr;
  // Empty: seeded from std::random_device.
  api::UniformRandom random;
  // Whether standard input is a terminal, so that a change may be confirmed there first. Null:
  // it is not (a test, a pipeline).
  std::function<bool()> stdin_is_terminal;
};

class Context {
 public:
  Context(config::Environment env, Streams streams, const InterruptFlag& interrupt,
          Dependencies dependencies);
  ~Context();
  Context(const Context&) = delete;
  Context& operator=(const Context&) = delete;

  // Filled by the command-line parser before any command runs.
  GlobalOptions& global_options() { return global_; }

  // Throws UsageError when the settings do not resolve (no app, bad api-version, ...).
  const config::Settings& settings();
  model::ApiVersion api_version() { return settings().api_version; }

  // The API client. --timeout is its one deadline, for every command: a wait ends with exit 5
  // when that deadline cuts a poll of a job already seen.
  api::Client& client();
  // The client when a command made one, else null: what it sent, after the command.
  const api::Client* client_if_made() const { return client_.get(); }

  // Output for results and messages, in the resolved format.
  output::Output& output();
  // Output that needs no settings: for reporting an error whatever went wrong.
  output::Output& error_output();

  api::Clock& clock() { return *clock_; }
  std::chrono::system_clock::time_point wall_now() const;
  // The service's clock (api::Client::service_now) once it has answered, else ours: what
  // relative times are computed against.
  std::chrono::system_clock::time_point service_now() const;
  // When the token was refused: "the token expired at ... by this machine's clock" and how to
  // get a new one, if it is a SharedAccessSignature whose se= has passed; nullopt otherwise.
  std::optional<std::string> expired_token_note() const;
  // `text` without the token, once one has been read, nor anything token-like.
  std::string redact(std::string_view text) const;
  // `text` written to `out` without the token's parts (api::Tracer::redact_known), and nothing
  // else changed: what stdout and stderr go through.
  void write_redacted_known(std::ostream& out, std::string_view text) const;
  const api::UniformRandom& random() const { return random_; }
  const InterruptFlag& interrupt() const { return interrupt_; }
  std::istream& in() { return streams_.in; }
  // Standard input as a source of data (--file -): it cannot then answer a question.
  std::istream& take_input() {
    input_taken_ = true;
    return streams_.in;
  }
  // True when a person can be asked: standard input is a terminal that nothing else reads.
  bool can_ask() const { return !input_taken_ && stdin_is_terminal_ && stdin_is_terminal_(); }
  const config::Environment& environment() const { return env_; }

 private:
  output::Output make_output(const std::optional<std::string>& format);

  config::Environment env_;
  Streams streams_;
  // stdout and stderr as every command writes them: through the token's redaction (once a
  // token is read), whatever the text's origin.
  RedactingStream out_;
  RedactingStream err_;
  const InterruptFlag& interrupt_;
  GlobalOptions global_;
  TransportFactory make_transport_;
  api::SystemClock system_clock_;
  api::Clock* clock_;
  api::UniformRandom random_;
  std::function<bool()> stdin_is_terminal_;
  bool input_taken_ = false;
  std::optional<config::Settings> settings_;
  std::unique_ptr<output::Output> output_;
  std::unique_ptr<output::Output> error_output_;
  std::unique_ptr<api::Transport> transport_;
  std::unique_ptr<api::Tracer> tracer_;
  std::unique_ptr<api::Client> client_;
  std::optional<std::chrono::system_clock::time_point> token_expiry_;  // its se=, if any
  std::string token_origin_;
};

}  // namespace iotc::cli
