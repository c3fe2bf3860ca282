#include "config/profile.hpp"

#include <array>
#include <filesystem>
#include <fstream>

#include "config/input_file.hpp"
#include "defaults.hpp"
#include "errors.hpp"
#include "model/json_text.hpp"

namespace iotc::config {
namespace {

constexpr std::array<std::string_view, 9> kProfileKeys = {"app",         "dns_suffix", "base_url",
                                                          "api_version", "token_file", "timeout",
                                                          "retries",     "cacert",     "output"};

std::string lookup(const Environment& env, const std::string& name) {
  auto it = env.find(name);
  return it == env.end() ? std::string() : it->second;
}

nlohmann::json read_config(const std::string& path) {
  const std::string text = read_input_file(path, "the config file", defaults::kMaxConfigFileBytes);
  // Deeper nesting would overflow the stack when the document is copied or destroyed.
  if (!model::json_depth_within(text)) {
    throw UsageError("the config file " + path + " nests deeper than " +
                     std::to_string(model::kMaxJsonDepth) + " levels");
  }
  try {
    nlohmann::json json = nlohmann::json::parse(text, nullptr, true, /*ignore_comments=*/true);
    if (!json.is_object()) throw UsageError("the config file " + path + " is not a JSON object");
    return json;
  } catch (const nlohmann::json::parse_error& e) {
    throw UsageError("the config file " + path +
                     " is not valid JSON: " + model::json_error_text(e));
  }
}

void check_keys(const Profile& profile) {
  for (const auto& [key, value] : profile.values.items()) {
    bool known = false;
    for (std::string_view k : kProfileKeys) known = known || k == key;
    if (!known) {
      throw UsageError("unknown key '" + key + "' in profile '" + profile.name + "' of " +
                       profile.file +
                       " (known: app, dns_suffix, base_url, api_version, token_file, timeout, "
                       "retries, cacert, output)");
    }
  }
}

}  // namespace

std::optional<std::string> config_file_path(const Environment& env) {
  std::string xdg = lookup(env, "XDG_CONFIG_HOME");
  if (!xdg.empty()) return xdg + "/iotc-jobs/config.json";
  std::string home = lookup(env, "HOME");
  if (!home.empty()) return home + "/.config/iotc-jobs/config.json";
  return std::nullopt;
}

std::optional<Profile> load_profile(const std::optional<std::string>& requested,
                                    const std::string& requested_by, const Environment& env) {
  std::optional<std::string> path = config_file_path(env);
  std::error_code ignored;
  const bool exists = path && std::filesystem::exists(*path, ignored);
  if (!exists) {
    if (!requested) return std::nullopt;
    throw UsageError("profile '" + *requested + "' (" + requested_by +
                     ") not found: no config file" +
                     (path ? " at " + *path : " (neither XDG_CONFIG_HOME nor HOME is set)"));
  }
  nlohmann::json config = read_config(*path);
  std::optional<std::string> name = requested;
  std::string chosen_by = requested_by;
  if (!name) {
    auto it = config.find("default_profile");
    if (it == config.end() || it->is_null()) return std::nullopt;
    if (!it->is_string()) throw UsageError("default_profile in " + *path + " is not a string");
    name = it->get<std::string>();
    chosen_by = "default_profile";
  }
  auto profiles = config.find("profiles");
  if (profiles == config.end() || !profiles->is_object() || !profiles->contains(*name)) {
    throw UsageError("profile '" + *name + "' (" + chosen_by + ") is not in " + *path);
  }
  Profile profile{*name, *path, (*profiles)[*name]};
  if (!profile.values.is_object()) {
    throw UsageError("profile '" + *name + "' in " + *path + " is not a JSON object");
  }
  check_keys(profile);
  return profile;
}

std::string profile_path(const Profile& profile, const std::string& path, const Environment& env) {
  if (path.starts_with("~/")) return lookup(env, "HOME") + path.substr(1);
  std::filesystem::path p(path);
  if (p.is_absolute()) return path;
  return (std::filesystem::path(profile.file).parent_path() / p).string();
}

}  // namespace iotc::config
