#pragma once
// The subcommands. Each lives in its own file with an Options struct, add_X_command (which only
// parses into the struct) and run_X (which does the work, testable without a command line).

namespace CLI {
class App;
}

namespace iotc::cli {

class Context;

void add_list_command(CLI::App& app, Context& context);
void add_show_command(CLI::App& app, Context& context);
void add_devices_command(CLI::App& app, Context& context);
void add_create_command(CLI::App& app, Context& context);
void add_stop_command(CLI::App& app, Context& context);
void add_resume_command(CLI::App& app, Context& context);
void add_rerun_command(CLI::App& app, Context& context);
void add_wait_command(CLI::App& app, Context& context);

}  // namespace iotc::cli
