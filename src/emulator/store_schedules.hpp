#pragma once
// The scheduled-job half of the state: each definition and where its occurrences stand, and the
// jobs its occurrences started (rows of `jobs` whose body names it in scheduledJobId). Shares the
// Store's database and, like it, is guarded by the server's state lock.

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "emulator/store.hpp"

namespace iotc::emulator {

struct ScheduleRecord {
  std::int64_t seq = 0;
  std::string id;
  Json body;  // the accepted definition, without id, etag and completed (storage spelling)
  std::optional<std::string> organization;  // body's organizations[0]; none: the app's root
  std::string etag;                         // changes on every write through the API
  bool completed = false;                   // no occurrence is left
  std::int64_t next_occurrence = 0;         // the index of the first occurrence not yet handled
  std::int64_t runs = 0;                    // jobs started: "<displayName> - <runs>"
  std::int64_t skipped = 0;                 // occurrences passed without a job of their own

  bool enabled() const {
    const auto found = body.find("enabled");
    return found != body.end() && found->is_boolean() && found->get<bool>();
  }
};

class ScheduleStore {
 public:
  explicit ScheduleStore(Database& db) : db_(db) {}

  void insert(ScheduleRecord& schedule);  // sets schedule.seq
  void update(const ScheduleRecord& schedule);
  bool remove(const std::string& id);
  void delete_all();
  // Scheduled jobs are in a scope when their organization is, as jobs are.
  std::optional<ScheduleRecord> find(const std::string& id, const Scope& scope = {});
  std::vector<ScheduleRecord> after(std::int64_t after_seq, std::int64_t limit,
                                    const Scope& scope = {});
  // Those with occurrences left, in creation order: the scheduler's work.
  std::vector<ScheduleRecord> not_completed();

  // The jobs the schedule started, newest first, below `before_seq`.
  std::vector<JobRecord> jobs_before(const std::string& schedule_id, std::int64_t before_seq,
                                     std::int64_t limit);
  // True when a job the schedule started is pending or running.
  bool has_active_job(const std::string& schedule_id);

 private:
  Statement& cached(const std::string& sql);
  std::vector<ScheduleRecord> collect(Statement& query);

  Database& db_;
  std::map<std::string, std::unique_ptr<Statement>> statements_;
};

}  // namespace iotc::emulator
