#include "output/cells.hpp"

#include <fmt/format.h>

#include <cctype>
#include <cmath>

#include "model/count.hpp"

namespace iotc::output {
namespace {

std::string number_text(const Json& value) {
  if (value.is_number_float()) {
    const double number = value.get<double>();
    if (std::floor(number) == number && std::fabs(number) < 1e15) {
      return fmt::format("{}", static_cast<long long>(number));
    }
  }
  return value.dump();
}

std::string progress_text(const Json& progress) {
  if (!progress.is_object()) return plain_text(progress);
  // One count after another: the first that is not a count is the one the error names.
  const auto total = model::progress_count(progress, "total");
  const auto completed = model::progress_count(progress, "completed");
  const auto failed = model::progress_count(progress, "failed");
  return progress_summary(total, completed, failed);
}

std::string size_text(const Json& size) {
  if (!size.is_object()) return plain_text(size);
  const auto value = size.find("value");
  std::string text = value == size.end() ? "?" : number_text(*value);
  if (size.value("type", std::string()) == "percentage") text += "%";
  const auto per_batch = size.find("batch");
  if (per_batch != size.end() && per_batch->is_boolean() && per_batch->get<bool>()) {
    text += " per batch";
  }
  return text;
}

std::string one_data_text(const Json& item) {
  if (!item.is_object()) return plain_text(item);
  const std::string type = item.value("type", std::string());
  const auto member_text = [&](const char* name) -> std::optional<std::string> {
    const auto found = item.find(name);
    if (found == item.end()) return std::nullopt;
    return plain_text(*found);
  };
  const auto migration = member_text("template");
  const auto manifest = member_text("manifest");
  const auto path = member_text("path");
  std::optional<std::string> value;
  if (const auto found = item.find("value"); found != item.end() && !found->is_null()) {
    value = found->is_string() ? found->dump() : plain_text(*found);
  }
  return data_item_text(DataItemParts{type, migration, manifest, path, value});
}

std::string data_text(const Json& data) {
  if (!data.is_array()) return plain_text(data);
  std::string text;
  for (const auto& item : data) {
    if (!text.empty()) text += "; ";
    text += one_data_text(item);
  }
  return text;
}

// People read ids, not JSON: no brackets, no quotes.
std::string id_list_text(const Json& ids) {
  if (!ids.is_array()) return plain_text(ids);
  std::string text;
  for (const auto& id : ids) {
    if (!text.empty()) text += ", ";
    text += plain_text(id);
  }
  return text;
}

std::string named_text(const Json& value) {
  if (!value.is_object()) return plain_text(value);
  const auto name = value.find("displayName");
  if (name != value.end() && name->is_string() && !name->get_ref<const std::string&>().empty()) {
    return name->get<std::string>();
  }
  const auto id = value.find("id");
  return id != value.end() ? plain_text(*id) : plain_text(value);
}

}  // namespace

std::optional<std::string> relative_time_text(std::string_view text, const CellContext& context) {
  if (!context.relative_times) return std::nullopt;
  const auto when = parse_rfc3339(text);
  if (!when) return std::nullopt;
  return relative_time(*when, context.now);
}

std::string progress_summary(std::int64_t total, std::int64_t completed, std::int64_t failed) {
  std::string text = fmt::format("{}/{}", model::count_sum(completed, failed), total);
  if (failed > 0) text += fmt::format(", {} failed", failed);
  return text;
}

// "property targetTemperature=56", "command reboot", "migrate to dtmi:...".
std::string data_item_text(const DataItemParts& parts) {
  if (parts.migration) return "migrate to " + std::string(*parts.migration);
  if (parts.manifest) return "migrate to manifest " + std::string(*parts.manifest);
  std::string text(parts.type);
  // The preview spellings carry a "JobData" suffix; people need the short word.
  if (text.ends_with("JobData")) {
    text.resize(text.size() - 7);
    if (!text.empty())
      text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
  }
  if (parts.path) (text += ' ') += *parts.path;
  if (parts.value) (text += '=') += *parts.value;
  return text;
}

std::string plain_text(const Json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_null()) return {};
  if (value.is_number()) return number_text(value);
  return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::optional<std::string> cell_text(const Column& column, const Json& row,
                                     const CellContext& context) {
  const Json* value = find_path(row, column.path);
  if (value == nullptr) return std::nullopt;
  switch (column.kind) {
    case CellKind::progress:
      return progress_text(*value);
    case CellKind::size:
      return size_text(*value);
    case CellKind::job_data:
      return data_text(*value);
    case CellKind::id_list:
      return id_list_text(*value);
    case CellKind::named:
      return named_text(*value);
    case CellKind::time:
      if (value->is_string()) {
        if (auto relative = relative_time_text(value->get_ref<const std::string&>(), context)) {
          return relative;
        }
      }
      return plain_text(*value);
    case CellKind::text:
    case CellKind::status:
      break;
  }
  return plain_text(*value);
}

std::string job_data_text(const Json& data) {
  return data_text(data);
}

}  // namespace iotc::output
