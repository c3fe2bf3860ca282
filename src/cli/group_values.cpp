#include "cli/group_values.hpp"

#include "errors.hpp"
#include "model/validation.hpp"

namespace iotc::cli {
namespace {

bool is_utf8(std::string_view text) {
  try {
    (void)model::Json(std::string(text)).dump();
    return true;
  } catch (const model::Json::type_error&) {
    return false;
  }
}

}  // namespace

void check_group_id(std::string_view id) {
  if (!model::is_valid_job_id(id)) {
    throw UsageError("GROUP_ID: '" + std::string(id) + "' is not a valid group id (" +
                     model::kJobIdRule + ")");
  }
}

void check_group_text(std::string_view flag, std::string_view text) {
  const std::string name(flag);
  if (text.empty()) throw UsageError(name + ": must not be empty");
  if (text.size() > kMaxGroupText) {
    throw UsageError(name + ": longer than " + std::to_string(kMaxGroupText) + " bytes");
  }
  if (!is_utf8(text)) {
    throw UsageError(name + ": not valid UTF-8 text; JSON carries UTF-8 only (check the encoding)");
  }
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 || c == 0x7f) {
      throw UsageError(name + ": holds a control character (byte " + std::to_string(c) +
                       " at " + std::to_string(i + 1) +
                       "); it would reach terminals as it is, so it is refused");
    }
  }
}

model::DeviceGroup group_from_fields(const GroupFields& fields) {
  model::DeviceGroup group;
  if (fields.name) check_group_text("--name", *fields.name);
  if (fields.filter) check_group_text("--filter", *fields.filter);
  if (fields.description) check_group_text("--description", *fields.description);
  if (fields.organization) check_group_text("--organization", *fields.organization);
  group.display_name = fields.name;
  group.filter = fields.filter;
  group.description = fields.description;
  if (fields.organization) group.organizations = std::vector<std::string>{*fields.organization};
  return group;
}

}  // namespace iotc::cli
