#include "cli/group_names.hpp"

#include "cli/context.hpp"
#include "errors.hpp"

namespace iotc::cli {

bool GroupNames::wanted() const {
  return context_->output().settings().format == output::Format::table;
}

model::Json GroupNames::with_name(model::Json job) {
  const auto group = job.find("group");
  if (group == job.end() || !group->is_string()) return job;
  if (!names_) {
    names_.emplace();
    try {
      auto pager = context_->client().list_device_groups();
      while (auto item = pager.next()) {
        if (item->value.display_name) (*names_)[item->value.id] = *item->value.display_name;
      }
    } catch (const InterruptedError&) {
      throw;
    } catch (const Error&) {
      // Ids instead of names: the listing of jobs must not fail for a courtesy.
    }
  }
  const auto name = names_->find(group->get<std::string>());
  if (name == names_->end()) return job;
  *group = model::Json{{"id", name->first}, {"displayName", name->second}};
  return job;
}

}  // namespace iotc::cli
