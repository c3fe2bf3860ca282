#pragma once
// iotc-jobs list: the jobs of the app, page after page.

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
  std::vector<std::string> statuses;  // empty: every status
  int limit = kDefaultListLimit;
  bool all = false;
};

void run_list(const ListOptions& options, Context& context);
void add_list_command(CLI::App& command, Context& context);

}  // namespace iotc::cli
