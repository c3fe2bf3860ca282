#include "config/settings.hpp"

#include <algorithm>

#include <array>
#include <charconv>
#include <cstring>

#include "config/duration.hpp"
#include "config/profile.hpp"
#include "defaults.hpp"
#include "errors.hpp"
#include "output/format.hpp"

namespace iotc::config {
namespace {

constexpr int kMaxRetries = 100;

// One setting's value and where it came from ("--app", "IOTC_APP", "profile 'p'"), with the
// rank of its layer: flag 3, environment 2, profile 1.
struct Found {
  std::string value;
  std::string origin;
  int rank = 0;
};

class Layers {
 public:
  Layers(const Environment& env, const std::optional<Profile>& profile)
      : env_(env), profile_(profile) {}

  std::optional<Found> pick(const std::optional<std::string>& flag, std::string_view flag_name,
                            const std::string& env_name, const std::string& profile_key) const {
    if (flag) return Found{*flag, std::string(flag_name), 3};
    if (auto it = env_.find(env_name); it != env_.end() && !it->second.empty()) {
      return Found{it->second, env_name, 2};
    }
    if (profile_) {
      auto it = profile_->values.find(profile_key);
      if (it != profile_->values.end() && !it->is_null()) {
        std::string origin = profile_key + " in profile '" + profile_->name + "'";
        if (it->is_string()) return Found{it->get<std::string>(), origin, 1};
        if (it->is_number()) return Found{it->dump(), origin, 1};
        throw UsageError(origin + " must be a string or a number");
      }
    }
    return std::nullopt;
  }

 private:
  const Environment& env_;
  const std::optional<Profile>& profile_;
};

std::string trim_slashes(std::string url) {
  while (url.ends_with('/')) url.pop_back();
  return url;
}

bool is_app_name(std::string_view name) {
  if (name.empty() || name.size() > 63 || name.front() == '-' || name.back() == '-') return false;
  for (char c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-') return false;
  }
  return true;
}

// A host name suffix: dot-separated labels of letters, digits and '-' ("azureiotcentral.com").
bool is_dns_suffix(std::string_view suffix) {
  std::size_t start = 0;
  while (start <= suffix.size()) {
    auto dot = suffix.find('.', start);
    if (dot == std::string_view::npos) dot = suffix.size();
    if (!is_app_name(suffix.substr(start, dot - start))) return false;
    start = dot + 1;
  }
  return true;
}

std::string lookup(const Environment& env, const std::string& name) {
  auto it = env.find(name);
  return it == env.end() ? std::string() : it->second;
}

TokenSource token_source(const Flags& flags, const Environment& env,
                         const std::optional<Profile>& profile) {
  if (flags.token_file) {
    if (*flags.token_file == "-") return {TokenSourceKind::stdin_, "", "standard input"};
    return {TokenSourceKind::file, *flags.token_file, "--token-file " + *flags.token_file};
  }
  if (!lookup(env, "IOTC_API_TOKEN").empty()) {
    return {TokenSourceKind::environment, "", "IOTC_API_TOKEN"};
  }
  if (profile) {
    auto it = profile->values.find("token_file");
    if (it != profile->values.end() && it->is_string()) {
      std::string path = profile_path(*profile, it->get<std::string>(), env);
      return {TokenSourceKind::file, path,
              "profile '" + profile->name + "' (token_file " + path + ")"};
    }
  }
  return {};
}

}  // namespace

Environment environment_from(char** envp) {
  Environment env;
  for (char** entry = envp; entry && *entry; ++entry) {
    const char* equals = std::strchr(*entry, '=');
    if (!equals) continue;
    env.emplace(std::string(*entry, static_cast<std::size_t>(equals - *entry)),
                std::string(equals + 1));
  }
  return env;
}

std::string Settings::target_label() const {
  if (app && base_url.ends_with("://" + *app + "." + dns_suffix)) {
    return "app '" + *app + "' (" + base_url + ")";
  }
  return base_url;
}

Settings resolve_settings(const Flags& flags, const Environment& env) {
  Settings s;
  s.verbose = flags.verbose;
  s.debug = flags.debug;

  std::optional<std::string> profile_name = flags.profile;
  std::string requested_by = "--profile";
  if (!profile_name && !lookup(env, "IOTC_PROFILE").empty()) {
    profile_name = lookup(env, "IOTC_PROFILE");
    requested_by = "IOTC_PROFILE";
  }
  const std::optional<Profile> profile = load_profile(profile_name, requested_by, env);
  if (profile) s.profile = profile->name;
  const Layers layers(env, profile);

  auto app = layers.pick(flags.app, "--app", "IOTC_APP", "app");
  auto base_url = layers.pick(flags.base_url, "--base-url", "IOTC_BASE_URL", "base_url");
  auto dns_suffix = layers.pick(flags.dns_suffix, "--dns-suffix", "IOTC_DNS_SUFFIX", "dns_suffix");
  s.dns_suffix = dns_suffix ? dns_suffix->value : std::string(defaults::kDnsSuffix);
  if (app) s.app = app->value;
  // A base URL wins over an app given at the same or a lower layer: --base-url beats
  // IOTC_APP, but --app beats IOTC_BASE_URL.
  if (base_url && (!app || base_url->rank >= app->rank)) {
    if (base_url->value.find("://") == std::string::npos) {
      throw UsageError(base_url->origin + " '" + base_url->value +
                       "' is not a URL: give it as https://host[:port] (or http://127.0.0.1:PORT)");
    }
    // The token would go to a URL built by appending /api/... to it: after a query or a
    // fragment that path is no longer a path, and the request goes somewhere unintended.
    if (const auto cut = base_url->value.find_first_of("?#"); cut != std::string::npos) {
      throw UsageError(base_url->origin + " '" + base_url->value + "' has a " +
                       (base_url->value[cut] == '?' ? "query ('?')" : "fragment ('#')") +
                       ": give the base URL only, as https://host[:port][/path]");
    }
    if (std::ranges::any_of(base_url->value, [](char c) {
          return static_cast<unsigned char>(c) <= 0x20 || c == 0x7f;
        })) {
      throw UsageError(base_url->origin + " holds a space or a control character: give the base " +
                       "URL only, as https://host[:port][/path]");
    }
    s.base_url = trim_slashes(base_url->value);
  } else if (app) {
    if (!is_app_name(app->value)) {
      throw UsageError(app->origin + " '" + app->value +
                       "' is not an app subdomain (letters, digits and '-'); for a full URL "
                       "use --base-url");
    }
    if (dns_suffix && !is_dns_suffix(dns_suffix->value)) {
      throw UsageError(dns_suffix->origin + " '" + dns_suffix->value +
                       "' is not a DNS suffix (e.g. azureiotcentral.com)");
    }
    s.base_url = "https://" + app->value + "." + s.dns_suffix;
  } else {
    throw UsageError(
        "no IoT Central app configured: pass --app NAME (or set IOTC_APP), --base-url URL (or "
        "IOTC_BASE_URL), or choose a profile with --profile (or IOTC_PROFILE)");
  }

  if (auto version =
          layers.pick(flags.api_version, "--api-version", "IOTC_API_VERSION", "api_version")) {
    auto parsed = model::parse_api_version(version->value);
    if (!parsed) {
      throw UsageError(version->origin + " '" + version->value +
                       "' is not a supported api-version (" + model::api_version_list() + ")");
    }
    s.api_version = *parsed;
  }

  s.token = token_source(flags, env, profile);

  if (auto timeout = layers.pick(flags.timeout, "--timeout", "IOTC_TIMEOUT", "timeout")) {
    auto parsed = parse_duration(timeout->value);
    if (!parsed || parsed->count() <= 0) {
      throw UsageError(timeout->origin + " '" + timeout->value +
                       "' is not a duration (e.g. 30s, 500ms, 5m, 1h, or seconds)");
    }
    s.timeout = parsed;
  }

  s.retries = defaults::kRetries;
  std::optional<std::string> retries_flag;
  if (flags.retries) retries_flag = std::to_string(*flags.retries);
  if (auto retries = layers.pick(retries_flag, "--retries", "IOTC_RETRIES", "retries")) {
    int value = -1;
    const std::string& text = retries->value;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || value < 0 ||
        value > kMaxRetries) {
      throw UsageError(retries->origin + " '" + text + "' is not a retry count (0 to " +
                       std::to_string(kMaxRetries) + ")");
    }
    s.retries = value;
  }

  if (auto cacert = layers.pick(flags.cacert, "--cacert", "IOTC_CACERT", "cacert")) {
    s.cacert = cacert->rank == 1 ? profile_path(*profile, cacert->value, env) : cacert->value;
  }

  s.output = std::string(defaults::kOutput);
  if (auto output = layers.pick(flags.output, "--output", "IOTC_OUTPUT", "output")) {
    if (!output::parse_format(output->value)) {
      throw UsageError(output->origin + " '" + output->value + "' is not an output format (" +
                       output::format_list() + ")");
    }
    s.output = output->value;
  }

  s.no_proxy = lookup(env, "NO_PROXY");
  if (s.no_proxy.empty()) s.no_proxy = lookup(env, "no_proxy");
  return s;
}

}  // namespace iotc::config
