#pragma once
// The state's tables and their version. A state file records the version of its tables in
// `meta`; opening one brings an older file up to date step by step, and refuses one written by a
// newer emulator, which this one would misread.

#include <optional>
#include <string>

#include "emulator/sqlite.hpp"

namespace iotc::emulator {

// 1: the tables as the first emulator wrote them. Files from before the version was recorded
// hold none and count as version 0.
// 2: organizations (a tree), and the organizations of devices and jobs.
// 3: device groups written through the API (etags, filters, seed state), device properties.
// 4: scheduled jobs.
inline constexpr int kSchemaVersion = 4;

// The version `db` records: none for a new database (no tables yet), 0 for a state from before
// versions were recorded. Throws std::runtime_error, naming `name` (the state file), when the
// version is newer than kSchemaVersion or not a version at all; nothing is written before that.
std::optional<int> read_schema_version(Database& db, const std::string& name);

// Creates the tables of a new database (`version` none), or migrates an older one up to
// kSchemaVersion, in one transaction.
void prepare_schema(Database& db, std::optional<int> version);

}  // namespace iotc::emulator
