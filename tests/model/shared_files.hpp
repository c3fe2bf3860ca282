#pragma once
// Where the model tests find the official examples and the seed payloads, and how they read them.
//
// Both folders live beside the repository (../shared). IOTC_SPEC_DIR and IOTC_SEED_DIR override
// the compiled-in defaults. A missing folder skips the tests that need it, loudly, except under
// CI=true, where it fails them: CI must never pass by testing nothing.

#include <filesystem>
#include <optional>
#include <string_view>
#include <vector>

#include "model/api_version.hpp"
#include "model/job.hpp"

namespace iotc::testing {

std::filesystem::path spec_dir();
std::filesystem::path seed_dir();

// True when `dir` exists. Otherwise WARNs and returns false, or FAILs when CI=true.
bool shared_dir_available(const std::filesystem::path& dir, std::string_view env_var);

// The *.json files of `dir`, sorted by name so failures read in a stable order.
std::vector<std::filesystem::path> json_files(const std::filesystem::path& dir);

// Parses a whole file as ordered JSON (key order kept). Throws when it is not JSON.
model::Json read_json_file(const std::filesystem::path& file);

// The api-version an official spec folder describes: "2021-04-30-preview" is `preview`.
std::optional<model::ApiVersion> folder_api_version(std::string_view folder_name);

}  // namespace iotc::testing
