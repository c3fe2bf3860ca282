#pragma once
// A problem found in a payload: where (a JSON path such as "data[0].target") and what.

#include <string>
#include <vector>

namespace iotc::model {

struct Problem {
  std::string path;     // "batch.value", "data[0].target", "" for the document itself
  std::string message;  // "required", "a percentage must be more than 0 and at most 100"

  // "batch.value: required"
  std::string to_string() const { return path.empty() ? message : path + ": " + message; }
  bool operator==(const Problem&) const = default;
};

using Problems = std::vector<Problem>;

}  // namespace iotc::model
