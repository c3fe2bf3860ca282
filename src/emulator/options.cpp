#include "emulator/options.hpp"

#include <CLI/CLI.hpp>

#include "emulator/clock.hpp"
#include "version.hpp"

namespace iotc::emulator {
namespace {

constexpr const char* kDescription =
    "iotc-jobs-emulator: a local Azure IoT Central jobs service (the jobs, scheduled-jobs and\n"
    "device-group endpoints of api-versions 2022-07-31, 2022-10-31-preview and preview) with\n"
    "device groups and organizations from a seed, jobs that run batch by batch, scheduled jobs\n"
    "that start them on the emulated clock, stop/resume/rerun, auth\n"
    "(tokens of the whole app or of one organization), paging, an admin API under\n"
    "/_emulator/ (clock, device behaviors, injected faults, request log, reset) and SQLite\n"
    "state. It prints its base URL as the first line on stdout.";

constexpr const char* kFooter =
    "Exit codes: 0 stopped by SIGINT or SIGTERM; 1 could not start (address in use, bad seed,\n"
    "bad TLS files); 2 usage error.\n"
    "Examples:\n"
    "  iotc-jobs-emulator --listen 127.0.0.1:0 --token-file token.txt\n"
    "  iotc-jobs-emulator --state emu.db --seed fleet.json --time-scale 100\n"
    "Docs: docs/emulator.md (seed format, admin API, inferred behaviours).";

// A duration option: "1500ms", "2s", "1m" or seconds.
CLI::Option* add_duration(CLI::App& app, const std::string& name, TimeMs& target,
                          const std::string& help) {
  return app
      .add_option_function<std::string>(
          name,
          [&target, name](const std::string& text) {
            auto value = parse_duration_ms(text);
            if (!value) throw CLI::ValidationError(name, "not a duration: " + text);
            target = *value;
          },
          help)
      ->type_name("DURATION");
}

}  // namespace

std::optional<std::pair<std::string, std::string>> split_organization_value(
    const std::string& text) {
  auto equals = text.find('=');
  if (equals == std::string::npos || equals == 0 || equals + 1 == text.size()) return std::nullopt;
  return std::make_pair(text.substr(0, equals), text.substr(equals + 1));
}

std::optional<std::pair<std::string, int>> parse_listen(const std::string& text) {
  auto colon = text.rfind(':');
  if (colon == std::string::npos || colon == 0) return std::nullopt;
  std::string host = text.substr(0, colon);
  if (host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  try {
    std::size_t used = 0;
    int port = std::stoi(text.substr(colon + 1), &used);
    if (used != text.size() - colon - 1 || port < 0 || port > 65535) return std::nullopt;
    return std::make_pair(host, port);
  } catch (...) {
    return std::nullopt;
  }
}

std::optional<int> parse_options(int argc, char** argv, EmulatorOptions& options) {
  CLI::App app(kDescription, "iotc-jobs-emulator");
  app.footer(kFooter);
  app.set_version_flag("--version", std::string("iotc-jobs-emulator ") + iotc::kVersion);
  std::string listen = kDefaultListen;
  app.add_option("--listen", listen, "Address to listen on, HOST:PORT; port 0 picks a free port")
      ->capture_default_str();
  app.add_option("--token", options.tokens,
                 "An accepted Authorization value: 'SharedAccessSignature sr=...' or 'Bearer x' "
                 "(exact), or a bare credential (either scheme). Repeatable. Without --token or "
                 "--token-file any well-formed header is accepted")
      ->take_all();
  app.add_option("--token-file", options.token_files,
                 "File with one accepted token per line ('-': stdin); keeps tokens out of ps")
      ->take_all();
  // The message never repeats the value: it may be a token.
  const auto organization_value = CLI::Validator(
      [](const std::string& text) {
        return split_organization_value(text)
                   ? std::string()
                   : std::string("expected an organization id, '=', then the token or file");
      },
      "");  // no description: the type name says ORG=TOKEN or ORG=PATH
  app.add_option("--organization-token", options.organization_tokens,
                 "ORG=TOKEN: an accepted token (as for --token) tied to organization ORG of the "
                 "seed: its caller sees ORG and its descendants only. Repeatable")
      ->take_all()
      ->check(organization_value)
      ->type_name("ORG=TOKEN");
  app.add_option("--organization-token-file", options.organization_token_files,
                 "ORG=PATH: every token of file PATH (as for --token-file) is tied to "
                 "organization ORG. Repeatable")
      ->take_all()
      ->check(organization_value)
      ->type_name("ORG=PATH");
  app.add_option("--state", options.state_file,
                 "SQLite file that keeps the state across restarts (default: in memory)");
  app.add_option("--seed", options.seed_file,
                 "JSON seed: organizations, templates, devices (with behaviors), groups (default: "
                 "the built-in demo app). Loaded only into a new state");
  app.add_option("--page-size", options.page_size, "Items per page of every list")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  app.add_option("--time-scale", options.time_scale,
                 "Emulated seconds per real second (e.g. 100 runs jobs 100 times faster); "
                 "more than 0, at most 1000000")
      ->check(CLI::PositiveNumber & CLI::Range(0.0, kMaxTimeScale))
      ->capture_default_str();
  app.add_flag("--manual-clock", options.manual_clock,
               "Time stands still until POST /_emulator/clock advances it (for tests)");
  add_duration(app, "--device-time", options.engine.device_time_ms,
               "Emulated time one device takes in a job (default 1s)");
  add_duration(app, "--slow-time", options.engine.slow_time_ms,
               "Emulated time a 'slow' device takes (default 10s)");
  app.add_option("--max-running", options.engine.max_running,
                 "Jobs that run at once; the rest wait as pending")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
  app.add_option("--rate-limit", options.rate_limit,
                 "Throttle service requests to N per second with 429 + Retry-After, as the "
                 "service does at 20 (default: 0, no throttle)")
      ->check(CLI::NonNegativeNumber);
  app.add_option("--duplicate-create", options.duplicate_create,
                 "How a create (PUT /jobs/{id}) of an id that exists is answered: 'conflict' "
                 "(409, the default) or 'idempotent' (the same payload again: 200 with the job)")
      ->transform(CLI::CheckedTransformer(
          std::map<std::string, DuplicateCreate>{{"conflict", DuplicateCreate::conflict},
                                                 {"idempotent", DuplicateCreate::idempotent}}));
  app.add_option("--tls-cert", options.listen.tls_cert, "PEM certificate: serve HTTPS");
  app.add_option("--tls-key", options.listen.tls_key, "PEM private key for --tls-cert");
  app.add_option("--public-url", options.public_url,
                 "Base URL written in nextLink (default: from the request's Host header)");
  app.add_flag("-v,--verbose", options.verbose,
               "Log each request (method, path, status, connection) on stderr");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  auto address = parse_listen(listen);
  if (!address) {
    std::fprintf(stderr, "iotc-jobs-emulator: error: --listen: expected HOST:PORT, got '%s'\n",
                 listen.c_str());
    return 2;
  }
  options.listen.host = address->first;
  options.listen.port = address->second;
  if (options.listen.tls_cert.empty() != options.listen.tls_key.empty()) {
    std::fprintf(stderr, "iotc-jobs-emulator: error: --tls-cert and --tls-key go together\n");
    return 2;
  }
  return std::nullopt;
}

}  // namespace iotc::emulator
