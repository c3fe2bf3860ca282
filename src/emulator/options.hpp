#pragma once
// The emulator's command line, parsed into a plain struct (CLI11 stays in options.cpp).

#include <optional>
#include <string>
#include <vector>

#include "emulator/app.hpp"
#include "emulator/engine.hpp"
#include "emulator/server.hpp"

namespace iotc::emulator {

inline constexpr const char* kDefaultListen = "127.0.0.1:8080";

struct EmulatorOptions {
  ListenOptions listen;
  std::vector<std::string> tokens;
  std::vector<std::string> token_files;
  // Tokens tied to an organization, as given: "ORG=TOKEN" and "ORG=PATH" (see run.cpp).
  std::vector<std::string> organization_tokens;
  std::vector<std::string> organization_token_files;
  std::string state_file;  // empty: in memory
  std::string seed_file;   // empty: the built-in demo app
  std::int64_t page_size = kDefaultPageSize;
  double time_scale = 1.0;
  bool manual_clock = false;
  EngineSettings engine;
  std::string public_url;
  bool verbose = false;
  double rate_limit = 0;
  DuplicateCreate duplicate_create = DuplicateCreate::conflict;
};

// Fills `options` from the command line. Returns nullopt to go on, or the exit code to end
// with now (0 after --help or --version, 2 after a usage error, with the message printed).
std::optional<int> parse_options(int argc, char** argv, EmulatorOptions& options);

// "ORG=VALUE" -> the organization id and the value, split at the first '=' (organization ids
// have none); nullopt when either part is empty.
std::optional<std::pair<std::string, std::string>> split_organization_value(
    const std::string& text);

// "127.0.0.1:8080", "localhost:0", "[::1]:9000" -> host and port; nullopt when malformed.
std::optional<std::pair<std::string, int>> parse_listen(const std::string& text);

}  // namespace iotc::emulator
