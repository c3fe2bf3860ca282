#pragma once
// The typed IoT Central Job and its parts (docs/design.md §1; the official specs are the truth).
//
// Every struct keeps the JSON members it does not model in `extra`, so that a payload read and
// written again loses nothing the service sent. Optional members stay absent when absent.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "model/status.hpp"

namespace iotc::model {

using Json = nlohmann::ordered_json;

enum class JobDataType {
  property,                   // preview: PropertyJobData
  command,                    // preview: CommandJobData
  cloud_property,             // preview: CloudPropertyJobData
  device_template_migration,  // 2022 versions only
  device_manifest_migration,  // 2022-10-31-preview only
  unknown,
};

// One change the job makes on every device of the group.
struct JobData {
  JobDataType type = JobDataType::unknown;
  std::string type_name;                   // as read; written back as is when the type is unknown
  std::optional<std::string> target;       // capability jobs: the device template id
  std::optional<std::string> path;         // capability jobs: "component.property" or command name
  std::optional<Json> value;               // capability jobs: any JSON value, null included
  std::optional<std::string> template_id;  // deviceTemplateMigration: "template"
  std::optional<std::string> manifest;     // deviceManifestMigration
  Json extra = Json::object();

  // A property, a command or a cloud property: target, path and value (data_types.hpp).
  bool is_capability() const;
};

// How batch and cancellation-threshold sizes are counted.
enum class Measure { number, percentage, unknown };

// Absent members stay absent (nullopt), so that validation can tell "required" from "wrong".
struct Batch {
  Measure type = Measure::unknown;
  std::optional<std::string> type_name;  // as read; written back only when `type` is unknown
  std::optional<double> value;
  Json extra = Json::object();
};

struct CancellationThreshold {
  Measure type = Measure::unknown;
  std::optional<std::string> type_name;  // as read; written back only when `type` is unknown
  std::optional<double> value;
  std::optional<bool> batch;  // true: per batch; false or absent: over the whole job
  Json extra = Json::object();
};

struct Progress {
  std::int64_t total = 0;
  std::int64_t pending = 0;
  std::int64_t completed = 0;
  std::int64_t failed = 0;
  Json extra = Json::object();
};

struct Job {
  std::optional<std::string> id;
  std::optional<std::string> scheduled_job_id;
  std::optional<std::string> display_name;
  std::optional<std::string> description;
  std::optional<std::string> group;
  std::optional<Batch> batch;
  std::optional<CancellationThreshold> cancellation_threshold;
  std::vector<JobData> data;
  bool has_data = false;  // "data" was present (even if empty), to tell absent from []
  std::optional<std::string> start;
  std::optional<std::string> end;
  std::optional<Progress> progress;
  std::optional<std::string> status_text;  // as read
  std::optional<std::vector<std::string>> organizations;
  Json extra = Json::object();

  JobStatus status() const {
    return status_text ? parse_job_status(*status_text) : JobStatus::unknown;
  }
};

struct JobDeviceStatus {
  std::string id;
  std::string status_text;
  Json extra = Json::object();

  DeviceStatus status() const { return parse_device_status(status_text); }
};

struct DeviceGroup {
  std::string id;
  std::optional<std::string> display_name;
  std::optional<std::string> description;
  std::optional<std::string> filter;
  Json extra = Json::object();
};

// One page of a paged collection: {"value": [...], "nextLink": "https://..."}.
template <typename Item>
struct Page {
  std::vector<Item> value;
  std::optional<std::string> next_link;
};

// The service's error body: {"error": {"code", "message", "requestId", "time"}}.
struct ServiceErrorBody {
  std::string code;
  std::string message;
  std::optional<std::string> request_id;
  std::optional<std::string> time;
};

}  // namespace iotc::model
