#pragma once
// Group names for job tables: GROUP shows the group's display name, `group.id` its id. One GET
// /deviceGroups per command, and only for a table that shows the group, so that the machine
// formats (and the JSON paths the benchmarks time) never pay for it; they keep the raw id.

#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "model/job.hpp"
#include "output/columns.hpp"

namespace iotc::cli {

class Context;

class GroupNames {
 public:
  explicit GroupNames(Context& context) : context_(&context) {}
  // True for a table that shows the group (GROUP, or a member of it such as group.id): only
  // then are names looked up.
  bool wanted(std::span<const output::Column> columns) const;
  // The job with "group" as {"id", "displayName"} when the name is known; unchanged otherwise.
  // The first call lists the groups; a failure to list leaves every id as it is (the names are
  // a courtesy, the job is what was asked for).
  model::Json with_name(model::Json job);
  // The same for a job as compact JSON text (api::RawPager::next_text), without a DOM: the
  // top-level "group" string is replaced by the object in the text. Unchanged when the name is
  // not known, or when "group" is not a plain string there.
  std::string with_name_text(std::string_view compact);

 private:
  // The display name of group `id`, listing the groups on first use; nullptr when unknown.
  const std::string* name_of(std::string_view id);
  Context* context_;
  std::optional<std::map<std::string, std::string, std::less<>>> names_;  // found by a view
};

}  // namespace iotc::cli
