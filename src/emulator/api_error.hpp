#pragma once
// An error answer of the emulated service: the HTTP status and the {"error": {...}} body's code
// and message. Thrown by handlers, turned into a response in one place (server.cpp).

#include <map>
#include <stdexcept>
#include <string>

namespace iotc::emulator {

class ApiError : public std::runtime_error {
 public:
  ApiError(int status, std::string code, const std::string& message,
           std::map<std::string, std::string> headers = {})
      : std::runtime_error(message),
        status_(status),
        code_(std::move(code)),
        headers_(std::move(headers)) {}
  int status() const { return status_; }
  const std::string& code() const { return code_; }
  const std::map<std::string, std::string>& headers() const { return headers_; }

 private:
  int status_;
  std::string code_;
  std::map<std::string, std::string> headers_;
};

// The error codes the emulator answers with. The service documents the body's shape, not its
// codes: these names are the emulator's choice (docs/emulator.md lists them).
namespace codes {
inline constexpr const char* kBadRequest = "BadRequest";
inline constexpr const char* kInvalidJob = "InvalidJob";
inline constexpr const char* kMissingApiVersion = "MissingApiVersionParameter";
inline constexpr const char* kInvalidApiVersion = "InvalidApiVersionParameter";
inline constexpr const char* kInvalidMaxPageSize = "InvalidMaxPageSize";
inline constexpr const char* kUnauthorized = "Unauthorized";
inline constexpr const char* kNotFound = "NotFound";
inline constexpr const char* kJobNotFound = "JobNotFound";
inline constexpr const char* kDeviceGroupNotFound = "DeviceGroupNotFound";
inline constexpr const char* kInvalidDeviceGroup = "InvalidDeviceGroup";
inline constexpr const char* kDeviceGroupAlreadyExists = "DeviceGroupAlreadyExists";
inline constexpr const char* kDeviceGroupInUse = "DeviceGroupInUse";
inline constexpr const char* kPreconditionFailed = "PreconditionFailed";
inline constexpr const char* kOrganizationNotFound = "OrganizationNotFound";
inline constexpr const char* kDeviceTemplateNotFound = "DeviceTemplateNotFound";
inline constexpr const char* kMethodNotAllowed = "MethodNotAllowed";
inline constexpr const char* kJobAlreadyExists = "JobAlreadyExists";
inline constexpr const char* kInvalidJobState = "InvalidJobState";
inline constexpr const char* kNoFailedDevices = "NoFailedDevices";
inline constexpr const char* kInvalidScheduledJob = "InvalidScheduledJob";
inline constexpr const char* kScheduledJobNotFound = "ScheduledJobNotFound";
inline constexpr const char* kScheduledJobHasActiveJobs = "ScheduledJobHasActiveJobs";
inline constexpr const char* kPayloadTooLarge = "PayloadTooLarge";
inline constexpr const char* kTooManyRequests = "TooManyRequests";
inline constexpr const char* kInternalServerError = "InternalServerError";
inline constexpr const char* kServiceUnavailable = "ServiceUnavailable";
}  // namespace codes

}  // namespace iotc::emulator
