#pragma once
// iotc-jobs list: the jobs of the app, page after page.

#include <optional>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace iotc::cli {

class Context;

// Like `gh`: a screenful by default, --all for everything.
inline constexpr int kDefaultListLimit = 30;

struct ListOptions {
  std::vector<std::string> statuses;    // empty: every status
  std::optional<std::string> schedule;  // --schedule: the jobs of this scheduled job only
  int limit = kDefaultListLimit;
  bool all = false;
};

void run_list(const ListOptions& options, Context& context);
void add_list_command(CLI::App& command, Context& context);

}  // namespace iotc::cli
