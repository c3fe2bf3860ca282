#pragma once
// The emulator's state in SQLite: organizations, device templates, devices, device groups, jobs
// and each job's devices. In memory by default; a file keeps it across restarts (WAL, synchronous=FULL, so a
// job acknowledged with 200 survives a kill -9). Not thread-safe: the server serialises access.

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "emulator/clock.hpp"
#include "emulator/sqlite.hpp"
#include "model/job.hpp"

namespace iotc::emulator {

using Json = iotc::model::Json;

// What a device does when a job reaches it.
enum class Behavior { succeeds, fails, slow, offline };
std::optional<Behavior> parse_behavior(std::string_view text);
std::string_view to_string(Behavior behavior);

struct DeviceRecord {
  std::string id;
  std::string display_name;
  std::string template_id;
  Behavior behavior = Behavior::succeeds;
  bool simulated = true;
  bool enabled = true;
  Json organizations = Json();  // an array of organization ids, or null (the app's root)
};

// An organization of the app's tree, as IoT Central has them: a root one has no parent.
struct OrganizationRecord {
  std::int64_t seq = 0;  // seed order
  std::string id;
  std::string display_name;
  std::optional<std::string> parent;
};

// Whose view a read or a write takes: one organization and its descendants (a token tied to an
// organization, or a job's organization), or nullopt for the whole app. A resource outside the
// scope is not there at all, as far as the query can tell.
using Scope = std::optional<std::string>;

struct GroupRecord {
  std::int64_t seq = 0;
  std::string id;
  std::string display_name;
  std::optional<std::string> description;
  std::string filter;
  Json organizations;  // an array, or null
  std::int64_t revision = 1;  // raised by every write: the etag is "<seq>.<revision>", quoted
  // A seeded group lists the devices the seed gave it until a PATCH gives it a filter; a
  // group made through the API is its filter's devices (group_filter.hpp).
  bool explicit_members = false;
  bool seeded = false;
};

// How GET /deviceGroups lists (2022-10-31-preview's filter and orderby; docs/emulator.md).
struct GroupQuery {
  std::optional<std::string> id;            // filter "id eq '...'"
  std::optional<std::string> display_name;  // filter "displayName eq '...'"
  std::string order_by = "seq";             // an SQL column of groups, checked by the route
  bool descending = false;
};

// Where a job's current batch stands: nothing of it settled yet, or only its slow devices left.
// Stored as its number (0, 1).
enum class BatchPhase { settling = 0, slow_only = 1 };

struct JobRecord {
  std::int64_t seq = 0;
  std::string id;
  Json body;  // the payload as accepted, without read-only members (2022-10-31-preview spelling)
  std::string group_id;
  std::optional<std::string> organization;  // the payload's organizations[0]; none: the app's root
  iotc::model::JobStatus status = iotc::model::JobStatus::pending;
  TimeMs created_at = 0;
  TimeMs queued_at = 0;  // when it last became eligible to run (creation or resume)
  std::optional<TimeMs> started_at;
  std::optional<TimeMs> ended_at;
  std::int64_t batch_size = 1;
  std::int64_t batch_count = 0;
  std::int64_t current_batch = 0;
  TimeMs batch_started_at = 0;
  BatchPhase phase = BatchPhase::settling;
  std::int64_t total = 0, pending = 0, completed = 0, failed = 0;
  std::int64_t batch_failed = 0;  // failures in the current batch
  std::optional<std::string> rerun_of;
  std::optional<iotc::model::Measure> threshold_type;  // none: no cancellation threshold
  double threshold_value = 0;
  bool threshold_per_batch = false;
};

struct JobDeviceRecord {
  std::int64_t idx;
  std::string device_id;
  iotc::model::DeviceStatus status = iotc::model::DeviceStatus::pending;
};

class Store {
 public:
  explicit Store(const std::string& path);  // "" or ":memory:" for in memory

  Database& db() { return db_; }
  std::optional<std::string> meta(const std::string& key);
  void set_meta(const std::string& key, const std::string& value);

  void add_template(const std::string& id, const std::string& display_name);
  bool template_exists(const std::string& id);
  std::int64_t template_count();

  void add_device(const DeviceRecord& device);
  std::optional<DeviceRecord> device(const std::string& id);
  bool set_behavior(const std::string& id, Behavior behavior);
  void restore_seed_behaviors();
  std::int64_t device_count();

  void add_organization(OrganizationRecord& organization);  // sets organization.seq
  std::optional<OrganizationRecord> organization(const std::string& id, const Scope& scope = {});
  std::vector<OrganizationRecord> organizations_after(std::int64_t after_seq, std::int64_t limit,
                                                      const Scope& scope = {});

  // Groups and devices are in a scope when one of their organizations is (store_groups.cpp).
  void add_group(GroupRecord& group);  // a seeded group; sets group.seq
  void add_group_member(std::int64_t group_seq, std::int64_t position, const std::string& device);
  std::optional<GroupRecord> group(const std::string& id, const Scope& scope = {});
  // Any group with that id, a deleted seeded one included (ids are unique in the app).
  bool group_id_taken(const std::string& id);
  // One page of groups in `query`'s order: `limit` rows after the first `offset`.
  std::vector<GroupRecord> groups_page(const GroupQuery& query, std::int64_t offset,
                                       std::int64_t limit, const Scope& scope = {});
  // A group made through the API (seq 0) is inserted, one that exists is replaced; the
  // revision goes up. Sets group.seq and group.revision.
  void write_group(GroupRecord& group);
  // A seeded group is hidden (reset brings it back), any other removed.
  void delete_group(const GroupRecord& group);
  // The id of a pending or running job that targets the group, if any.
  std::optional<std::string> job_using_group(const std::string& group_id);
  // Removes the groups made through the API and brings the seeded ones back as seeded.
  void reset_groups();
  // (position, device) pairs after `after_position`: the members in `scope`.
  std::vector<std::pair<std::int64_t, DeviceRecord>> group_devices_after(
      const GroupRecord& group, std::int64_t after_position, std::int64_t limit,
      const Scope& scope = {});
  std::int64_t group_size(const GroupRecord& group, const Scope& scope = {});

  // Jobs are in a scope when their organization is.
  void insert_job(JobRecord& job);  // sets job.seq
  void update_job(const JobRecord& job);
  std::optional<JobRecord> job(const std::string& id, const Scope& scope = {});
  // Newest first: jobs whose seq is below `before_seq`.
  std::vector<JobRecord> jobs_before(std::int64_t before_seq, std::int64_t limit,
                                     const Scope& scope = {});
  std::vector<JobRecord> jobs_with_status(iotc::model::JobStatus status);  // queue order
  std::optional<JobRecord> first_job_with_status(iotc::model::JobStatus status);
  void delete_all_jobs();
  // The latest time recorded by any job (created, queued, started, batch started, ended); 0
  // when there is none. Emulated time restarts no earlier than this.
  TimeMs latest_job_time();

  // Copies the group's members in `scope` into the job's devices, in group order; returns the
  // count.
  std::int64_t snapshot_group(std::int64_t job_seq, const GroupRecord& group,
                              std::int64_t batch_size, const Scope& scope = {});
  // Copies the failed devices of `from_job` into `job_seq`; returns the count.
  std::int64_t snapshot_failed(std::int64_t job_seq, std::int64_t from_job,
                               std::int64_t batch_size);
  std::vector<JobDeviceRecord> job_devices_after(std::int64_t job_seq, std::int64_t after_idx,
                                                 std::int64_t limit);
  // Sets `status` on the pending devices in [from_idx, to_idx) whose behavior is `behavior`.
  std::int64_t settle(std::int64_t job_seq, std::int64_t from_idx, std::int64_t to_idx,
                      Behavior behavior, iotc::model::DeviceStatus status);
  std::int64_t count_pending(std::int64_t job_seq, std::int64_t from_idx, std::int64_t to_idx,
                             Behavior behavior);

 private:
  Statement& cached(const std::string& sql);
  // Runs a group INSERT whose ?1 is the id and ?2 to ?5 its values; sets seq and revision 1.
  void insert_group(GroupRecord& group, const std::string& sql);
  // Steps a bound job query to its end (or its first row), then resets it for reuse.
  std::vector<JobRecord> collect_jobs(Statement& query);
  std::optional<JobRecord> first_job(Statement& query);

  Database db_;
  std::map<std::string, std::unique_ptr<Statement>> statements_;
};

}  // namespace iotc::emulator
