#include "cli/create_payload.hpp"

#include "errors.hpp"

namespace iotc::cli {
namespace {

// The wire spelling of the 2022 versions; the payload is normalised to the chosen api-version
// when the body is written (model::to_create_body).
constexpr const char* kProperty = "property";
constexpr const char* kCommand = "command";
constexpr const char* kCloudProperty = "cloudProperty";
constexpr const char* kTemplateMigration = "deviceTemplateMigration";

const char* flag_name(DataFlag::Kind kind) {
  switch (kind) {
    case DataFlag::Kind::target:
      return "--target";
    case DataFlag::Kind::set:
      return "--set";
    case DataFlag::Kind::call:
      return "--call";
    case DataFlag::Kind::set_cloud:
      return "--set-cloud";
    case DataFlag::Kind::migrate_to:
      return "--migrate-to";
  }
  return "";
}

Json capability(const char* type, const std::string& target, const std::string& path,
                const std::optional<Json>& value) {
  Json item = {{"type", type}, {"target", target}, {"path", path}};
  if (value) item["value"] = *value;
  return item;
}

}  // namespace

Json data_from_flags(const std::vector<DataFlag>& flags) {
  Json data = Json::array();
  std::optional<std::string> target;
  for (const auto& flag : flags) {
    if (flag.kind == DataFlag::Kind::target) {
      if (flag.text.empty()) throw UsageError("--target: expected a device template id (DTMI)");
      target = flag.text;
      continue;
    }
    if (flag.kind == DataFlag::Kind::migrate_to) {
      if (flag.text.empty()) throw UsageError("--migrate-to: expected a device template id");
      data.push_back({{"type", kTemplateMigration}, {"template", flag.text}});
      continue;
    }
    if (!target) {
      throw UsageError(std::string(flag_name(flag.kind)) +
                       " needs a --target DTMI before it (the device template it applies to)");
    }
    if (flag.kind == DataFlag::Kind::call) {
      auto [name, value] = parse_call(flag.text);
      data.push_back(capability(kCommand, *target, name, value));
    } else {
      auto [path, value] = parse_assignment(flag_name(flag.kind), flag.text);
      data.push_back(capability(flag.kind == DataFlag::Kind::set ? kProperty : kCloudProperty,
                                *target, path, value));
    }
  }
  const bool only_targets = data.empty() && !flags.empty();
  if (only_targets) {
    throw UsageError("--target needs --set, --call or --set-cloud after it");
  }
  return data;
}

Json build_job_document(const std::optional<Json>& file, const PayloadFlags& flags) {
  Json document = file.value_or(Json::object());
  // az iot central job create --content takes the job data alone: a bare array.
  if (document.is_array()) document = Json{{"data", std::move(document)}};
  if (!document.is_object()) {
    throw UsageError(
        "the job file must hold a JSON object (a Job) or an array of job data (as az's "
        "--content)");
  }
  if (flags.group) document["group"] = *flags.group;
  if (flags.name) document["displayName"] = *flags.name;
  if (flags.description) document["description"] = *flags.description;
  if (flags.batch) document["batch"] = parse_size("--batch", *flags.batch);
  if (flags.cancel_threshold) {
    document["cancellationThreshold"] = parse_size("--cancel-threshold", *flags.cancel_threshold);
  }
  if (flags.threshold_per_batch) {
    auto threshold = document.find("cancellationThreshold");
    if (threshold == document.end() || !threshold->is_object()) {
      throw UsageError("--threshold-per-batch needs --cancel-threshold (or one in the job file)");
    }
    (*threshold)["batch"] = true;
  } else if (flags.cancel_threshold) {
    document["cancellationThreshold"]["batch"] = false;
  }
  if (flags.organization) document["organizations"] = Json::array({*flags.organization});
  if (!flags.data.empty()) document["data"] = data_from_flags(flags.data);
  return document;
}

}  // namespace iotc::cli

namespace iotc::cli {

std::optional<std::string> replaced_data_note(const std::optional<Json>& file,
                                              const PayloadFlags& flags) {
  if (!file || flags.data.empty()) return std::nullopt;
  const Json* data = file->is_array() ? &*file : nullptr;
  if (file->is_object()) {
    const auto found = file->find("data");
    if (found != file->end()) data = &*found;
  }
  if (data == nullptr) return std::nullopt;
  const std::size_t items = data->is_array() ? data->size() : 1;
  return "note: the data flags replace the job file's data (" + std::to_string(items) +
         (items == 1 ? " item)" : " items)");
}

}  // namespace iotc::cli
