#pragma once
// Reading the profiles file ($XDG_CONFIG_HOME/iotc-jobs/config.json, format in settings.hpp).
// Internal to the config library.

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "config/settings.hpp"

namespace iotc::config {

struct Profile {
  std::string name;
  std::string file;       // the config file it came from
  nlohmann::json values;  // the profile's object, keys checked against the known ones
};

// The profile to use: `requested` (from --profile or IOTC_PROFILE) or the file's
// default_profile. nullopt when none is requested and the file has no default (or no file).
// Throws UsageError when a requested profile or its file is missing, or the file is invalid.
std::optional<Profile> load_profile(const std::optional<std::string>& requested,
                                    const std::string& requested_by, const Environment& env);

// A path from the profile: "~/x" is under HOME, a relative path is relative to the file's folder.
std::string profile_path(const Profile& profile, const std::string& path, const Environment& env);

}  // namespace iotc::config
