#include "cli/exit_codes.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "errors.hpp"
#include "model/job_json.hpp"

namespace iotc::cli {

namespace {

constexpr ExitStatus kExitStatuses[] = {
    {0, "success"},
    {1,
     "service, network or local I/O failure (such as a failed write to stdout), or no to a "
     "question"},
    {2, "usage or invalid input (nothing was sent)"},
    {3, "not found (a job, or a device group by id or name)"},
    {4, "authentication or permission"},
    {5, "wait timed out (the job goes on)"},
    {6, "the job ended other than asked: failed, cancelled, stopped, or failed or pending devices"},
    {7, "conflict: it already exists, or its state does not allow the action (nothing changed)"},
    {130, "interrupted (Ctrl-C; the job goes on)"},
    {141, "stdout closed by its reader (as by head -1): nothing more is printed"},
};

}  // namespace

std::span<const ExitStatus> exit_status_table() {
  return kExitStatuses;
}

std::string exit_status_help() {
  std::string help = "Exit status:";
  for (const auto& status : kExitStatuses) {
    help += fmt::format("\n  {:<4} {}", status.code, status.meaning);
  }
  return help;
}

int report_failure(std::exception_ptr failure, output::Output& output, const Redact& redact) {
  try {
    std::rethrow_exception(failure);
  } catch (const BrokenPipeError& error) {
    // Nobody reads stdout any more; GNU tools ended by SIGPIPE say nothing either.
    return static_cast<int>(error.exit_code());
  } catch (const Error& error) {
    // Service errors already carry the service's code, message and request id.
    output.error(redact(error.what()));
    return static_cast<int>(error.exit_code());
  } catch (const nlohmann::json::exception& error) {
    output.error(
        redact(std::string("the service sent an answer that could not be read: ") + error.what()));
    return static_cast<int>(ExitCode::failure);
  } catch (const std::exception& error) {
    output.error(redact(error.what()));
    return static_cast<int>(ExitCode::failure);
  }
}

}  // namespace iotc::cli
