#include "cli/unknown_members.hpp"

#include <string>
#include <vector>

#include "cli/suggest.hpp"
#include "model/job_members.hpp"

namespace iotc::cli {

model::Problems unknown_member_problems(const model::Json& job, model::ApiVersion version) {
  model::Problems problems;
  for (const auto& unknown : model::unknown_members(job, version)) {
    const std::vector<std::string> known(unknown.known.begin(), unknown.known.end());
    std::string message = "unknown member in api-version " + std::string(to_string(version));
    if (const auto match = closest_match(unknown.name, known)) {
      message += "; did you mean '" + *match + "'?";
    } else {
      std::string list;
      for (const auto& name : known) list += (list.empty() ? "" : ", ") + name;
      message += " (expected " + list + ")";
    }
    problems.push_back({unknown.path, message});
  }
  return problems;
}

}  // namespace iotc::cli
