#include "model/validation.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "model/data_types.hpp"
#include "model/job_json.hpp"
#include "model/json_reader.hpp"

namespace iotc::model {
namespace {

constexpr std::size_t kMaxJobIdLength = 255;
constexpr double kMaxPercentage = 100;

bool is_blank(const std::optional<std::string>& text) {
  return !text || text->find_first_not_of(" \t\r\n") == std::string::npos;
}

bool is_whole(double number) {
  return std::trunc(number) == number;
}

// The rules batch sizes and cancellation thresholds share: a percentage of the group in (0, 100],
// or a whole, positive number of devices.
template <typename Sized>
void check_size(const Sized& sized, const std::string& path, Problems& problems) {
  if (!sized.type_name) {
    problems.push_back({path + ".type", "required"});
  } else if (sized.type == Measure::unknown) {
    problems.push_back({path + ".type", "must be \"number\" or \"percentage\""});
  }
  if (!sized.value) {
    problems.push_back({path + ".value", "required"});
    return;
  }
  const double value = *sized.value;
  if (sized.type == Measure::percentage && !(value > 0 && value <= kMaxPercentage)) {
    problems.push_back({path + ".value", "a percentage must be more than 0 and at most 100"});
  } else if (sized.type == Measure::number && !(value >= 1 && is_whole(value))) {
    problems.push_back(
        {path + ".value", "a number of devices must be a whole number of 1 or more"});
  } else if (sized.type == Measure::unknown && !(value > 0)) {
    problems.push_back({path + ".value", "must be more than 0"});
  }
}

void check_capability(const JobData& data, const std::string& path, Problems& problems) {
  if (is_blank(data.target)) problems.push_back({path + ".target", "required"});
  if (is_blank(data.path)) problems.push_back({path + ".path", "required"});
  // The spec makes value optional (a command may take none), but setting a property to nothing
  // is never what was meant.
  if (data_type_info(data.type)->value_required && !data.value) {
    problems.push_back({path + ".value", "required for a property job"});
  }
}

void check_data(const JobData& data, const std::string& path, ApiVersion version,
                Problems& problems) {
  if (data.type_name.empty()) {
    problems.push_back({path + ".type", "required"});
    return;
  }
  if (data.type == JobDataType::unknown) {
    problems.push_back({path + ".type", "unknown job data type '" + data.type_name +
                                            "' (expected " + data_type_list() + ")"});
    return;
  }
  if (!wire_name(data.type, version)) {
    problems.push_back({path + ".type", "'" + data.type_name +
                                            "' is not available in api-version " +
                                            std::string(to_string(version))});
    return;
  }
  switch (data_type_info(data.type)->shape) {
    case DataShape::capability:
      check_capability(data, path, problems);
      break;
    case DataShape::template_migration:
      if (is_blank(data.template_id)) problems.push_back({path + ".template", "required"});
      break;
    case DataShape::manifest_migration:
      if (is_blank(data.manifest)) problems.push_back({path + ".manifest", "required"});
      break;
  }
}

void check_organizations(const Job& job, ApiVersion version, Problems& problems) {
  if (!job.organizations) return;
  if (!has_organizations(version)) {
    problems.push_back(
        {"organizations", "not available in api-version " + std::string(to_string(version))});
    return;
  }
  if (job.organizations->size() != 1) {
    problems.push_back({"organizations", "exactly one organization is supported"});
    return;
  }
  if (is_blank(job.organizations->front())) {
    problems.push_back({"organizations[0]", "must not be empty"});
  }
}

// True when `inner` is `outer` or lies inside it ("batch.value" in "batch", "data[0]" in "data").
bool within(const std::string& inner, const std::string& outer) {
  if (!inner.starts_with(outer)) return false;
  return inner.size() == outer.size() || inner[outer.size()] == '.' || inner[outer.size()] == '[';
}

// A validation problem on a path that already has a reading problem, or whose parts do
// ("organizations" when "organizations[0]" is not a string), adds nothing but noise.
bool covered_by(const Problem& problem, const Problems& reading) {
  return std::any_of(reading.begin(), reading.end(), [&](const Problem& earlier) {
    return within(problem.path, earlier.path) || within(earlier.path, problem.path);
  });
}

bool is_utf8(const std::string& text) {
  try {
    (void)Json(text).dump();
    return true;
  } catch (const Json::type_error&) {
    return false;
  }
}

// JSON carries UTF-8 only: a string with other bytes (a job file saved as Latin-1) could not be
// sent, so each one is a problem at its path rather than a failure at the moment of sending.
void check_encoding(const Json& value, const std::string& path, Problems& problems) {
  if (value.is_string()) {
    if (!is_utf8(value.get_ref<const std::string&>())) {
      problems.push_back({path, "not valid UTF-8 text (JSON carries UTF-8 only)"});
    }
  } else if (value.is_array()) {
    for (std::size_t i = 0; i < value.size(); ++i) {
      check_encoding(value[i], index_path(path, i), problems);
    }
  } else if (value.is_object()) {
    for (const auto& [key, member] : value.items()) {
      if (!is_utf8(key)) {
        problems.push_back({path, "a member name is not valid UTF-8 text"});
        continue;
      }
      check_encoding(member, path.empty() ? key : path + "." + key, problems);
    }
  }
}

}  // namespace

bool is_valid_job_id(std::string_view id) {
  if (id.empty() || id.size() > kMaxJobIdLength) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_';
  });
}

Problems validate(const Job& job, ApiVersion version) {
  Problems problems;
  if (job.id && !is_valid_job_id(*job.id)) problems.push_back({"id", kJobIdRule});
  if (is_blank(job.group)) problems.push_back({"group", "required"});
  if (!job.has_data && job.data.empty()) {
    problems.push_back({"data", "required"});
  } else if (job.data.empty()) {
    problems.push_back({"data", "must hold at least one item"});
  }
  for (std::size_t i = 0; i < job.data.size(); ++i) {
    check_data(job.data[i], index_path("data", i), version, problems);
  }
  if (job.batch) check_size(*job.batch, "batch", problems);
  if (job.cancellation_threshold) {
    check_size(*job.cancellation_threshold, "cancellationThreshold", problems);
  }
  check_organizations(job, version, problems);
  return problems;
}

Problems check_job_payload(const Json& payload, ApiVersion version, Job* job_out) {
  Problems problems;
  check_encoding(payload, "", problems);
  if (!problems.empty()) return problems;
  Job job = job_from_json(payload, problems);
  if (!payload.is_object()) return problems;
  for (Problem& problem : validate(job, version)) {
    if (!covered_by(problem, problems)) problems.push_back(std::move(problem));
  }
  if (job_out != nullptr) *job_out = std::move(job);
  return problems;
}

}  // namespace iotc::model
