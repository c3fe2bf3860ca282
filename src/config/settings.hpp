#pragma once
// The settings of one command, resolved setting by setting from the command line, the
// environment, a profile and the defaults, in that order of precedence.
//
// Environment variables: IOTC_APP, IOTC_DNS_SUFFIX, IOTC_BASE_URL, IOTC_API_VERSION,
// IOTC_API_TOKEN (the token itself), IOTC_PROFILE, IOTC_TIMEOUT, IOTC_RETRIES, IOTC_CACERT,
// IOTC_OUTPUT; NO_PROXY/no_proxy is passed on to the transport.
//
// Profiles live in $XDG_CONFIG_HOME/iotc-jobs/config.json (else ~/.config/iotc-jobs/config.json):
//
//   {
//     "default_profile": "prod",              // used when neither --profile nor IOTC_PROFILE
//     "profiles": {
//       "prod":  {"app": "contoso", "token_file": "~/.config/iotc-jobs/prod.token"},
//       "local": {"base_url": "http://127.0.0.1:8080", "api_version": "preview",
//                 "token_file": "local.token", "timeout": "20s", "retries": 2}
//     }
//   }
//
// Profile keys: app, dns_suffix, base_url, api_version, token_file (relative paths are relative
// to the config file's folder, "~/" is the home folder), timeout, retries, cacert, output.
// A profile holds no token itself, only the path of a file that does.
//
// The environment is passed in as a map (never read deep inside), so tests can set it.

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "config/token.hpp"
#include "model/api_version.hpp"

namespace iotc::config {

using Environment = std::map<std::string, std::string>;

// The process environment as a map (main calls it once, with environ).
Environment environment_from(char** envp);

// What the command line gave; nullopt when a flag was not given.
struct Flags {
  std::optional<std::string> app;
  std::optional<std::string> dns_suffix;
  std::optional<std::string> base_url;
  std::optional<std::string> api_version;
  std::optional<std::string> token_file;  // a path, or "-" for standard input
  std::optional<std::string> profile;
  std::optional<std::string> timeout;  // a duration: "90", "90s", "500ms", "5m", "1h"
  std::optional<int> retries;
  std::optional<std::string> cacert;
  std::optional<std::string> output;
  bool verbose = false;
  bool debug = false;
};

struct Settings {
  std::optional<std::string> profile;  // the profile that was read, if any
  std::optional<std::string> app;
  std::string dns_suffix;
  // Where requests go: --base-url as given (trailing '/' removed) or https://{app}.{dns_suffix}.
  std::string base_url;
  model::ApiVersion api_version = model::kDefaultApiVersion;
  TokenSource token;
  std::optional<std::chrono::milliseconds> timeout;  // nullopt: the per-call default
  int retries = 0;
  std::optional<std::string> cacert;
  std::string output;    // table | json | jsonl | tsv | csv
  std::string no_proxy;  // from NO_PROXY / no_proxy
  bool verbose = false;
  bool debug = false;

  // For messages: "app 'contoso' (https://contoso.azureiotcentral.com)" or the base URL.
  std::string target_label() const;
};

// Throws UsageError for a missing app and base URL, an unknown api-version or output format, a
// bad duration or retry count, a profile that does not exist or a config file that does not
// parse. Reads the config file only when a profile is asked for or the file exists.
Settings resolve_settings(const Flags& flags, const Environment& env);

// The config file path from XDG_CONFIG_HOME or HOME; nullopt when neither is set.
std::optional<std::string> config_file_path(const Environment& env);

}  // namespace iotc::config
