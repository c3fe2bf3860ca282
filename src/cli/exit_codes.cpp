#include "cli/exit_codes.hpp"

#include <nlohmann/json.hpp>

#include "errors.hpp"
#include "model/job_json.hpp"

namespace iotc::cli {

const char* const kExitCodeHelp = R"(Exit status:
  0    success
  1    service or network failure
  2    usage or invalid input (nothing was sent)
  3    not found
  4    authentication or permission
  5    wait timed out (the job goes on)
  6    the job ended failed, cancelled or stopped, or with failed devices
  130  interrupted (Ctrl-C; the job goes on))";

int report_failure(std::exception_ptr failure, output::Output& output, const Redact& redact) {
  try {
    std::rethrow_exception(failure);
  } catch (const Error& error) {
    // Service errors already carry the service's code, message and request id.
    output.error(redact(error.what()));
    return static_cast<int>(error.exit_code());
  } catch (const model::UnsupportedInVersion& error) {
    output.error(redact(error.what()));
    return static_cast<int>(ExitCode::usage);
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
