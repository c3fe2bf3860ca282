#pragma once
// --wait and --interval, as create, stop, resume and rerun take them (job_output.hpp adds and
// checks them).

#include <optional>
#include <string>

namespace iotc::cli {

struct WaitFlags {
  bool wait = false;
  std::optional<std::string> interval;  // --interval, as typed
};

}  // namespace iotc::cli
