#include "shared_files.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <stdexcept>
#include <string>

namespace iotc::testing {
namespace {

std::filesystem::path from_env_or(const char* env_var, const char* fallback) {
  const char* value = std::getenv(env_var);
  return (value != nullptr && *value != '\0') ? std::filesystem::path(value)
                                              : std::filesystem::path(fallback);
}

bool running_in_ci() {
  const char* ci = std::getenv("CI");
  return ci != nullptr && std::string_view(ci) == "true";
}

}  // namespace

std::filesystem::path spec_dir() {
  return from_env_or("IOTC_SPEC_DIR", IOTC_DEFAULT_SPEC_DIR);
}
std::filesystem::path seed_dir() {
  return from_env_or("IOTC_SEED_DIR", IOTC_DEFAULT_SEED_DIR);
}

bool shared_dir_available(const std::filesystem::path& dir, std::string_view env_var) {
  if (std::filesystem::is_directory(dir)) return true;
  const std::string message =
      "folder " + dir.string() + " is missing (set " + std::string(env_var) + " to its location)";
  if (running_in_ci()) FAIL(message << "; under CI=true this is a failure, not a skip");
  WARN("SKIPPED: " << message);
  return false;
}

std::vector<std::filesystem::path> json_files(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> files;
  if (!std::filesystem::is_directory(dir)) return files;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().extension() == ".json") {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

model::Json read_json_file(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) throw std::runtime_error("cannot open " + file.string());
  return model::Json::parse(in);
}

std::optional<model::ApiVersion> folder_api_version(std::string_view folder_name) {
  if (folder_name == "2021-04-30-preview") return model::ApiVersion::preview;
  return model::parse_api_version(folder_name);
}

}  // namespace iotc::testing
