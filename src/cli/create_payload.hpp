#pragma once
// The Job payload of `create`, from a job file, from flags, or both (flags win).

#include <optional>
#include <string>
#include <vector>

#include "cli/values.hpp"

namespace iotc::cli {

// One data flag, kept in command-line order: a --target applies to the --set, --call and
// --set-cloud flags after it.
struct DataFlag {
  enum class Kind { target, set, call, set_cloud, migrate_to };
  Kind kind;
  std::string text;
};

struct PayloadFlags {
  std::optional<std::string> group;  // as given: an id or a display name (resolved later)
  std::optional<std::string> name;
  std::optional<std::string> description;
  std::optional<std::string> batch;             // "N" or "N%"
  std::optional<std::string> cancel_threshold;  // "N" or "N%"
  bool threshold_per_batch = false;
  std::optional<std::string> organization;
  std::vector<DataFlag> data;
};

// The job document: `file` (a whole Job, as in the seed document; read-only members such as
// status are dropped later; or a bare array of job data, az's --content) with the flags laid
// over it. Data flags replace the file's data.
// Throws UsageError for a malformed flag (a --set before any --target, a bad --batch, ...);
// everything else is checked by model::check_job_payload on the result.
Json build_job_document(const std::optional<Json>& file, const PayloadFlags& flags);

// When data flags replace data that the job file has: the note that says so, for stderr (the
// file's items would otherwise vanish in silence).
std::optional<std::string> replaced_data_note(const std::optional<Json>& file,
                                              const PayloadFlags& flags);

// The data items the data flags describe, in order (the "data" member of the payload).
Json data_from_flags(const std::vector<DataFlag>& flags);

}  // namespace iotc::cli
