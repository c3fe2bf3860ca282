#include "cli/group_names.hpp"

#include <algorithm>
#include <optional>
#include <utility>

#include "cli/context.hpp"
#include "errors.hpp"

namespace iotc::cli {

bool GroupNames::wanted(std::span<const output::Column> columns) const {
  return context_->output().settings().format == output::Format::table &&
         std::ranges::any_of(columns, [](const output::Column& column) {
           return column.path == "group" || column.path.starts_with("group.");
         });
}

namespace {

// Where the value of the top-level member "group" is in compact JSON text, when it is a string
// without escapes: [begin, end) spans it with its quotes. nullopt otherwise (the caller keeps
// the text as it is). Compact text has no spaces; a '"' inside a string is always escaped, so a
// '"' met outside a string starts a key or a value.
std::optional<std::pair<std::size_t, std::size_t>> top_level_group(std::string_view text) {
  constexpr std::string_view kKey = "\"group\":\"";
  int depth = 0;
  for (std::size_t at = 0; at < text.size(); ++at) {
    const char c = text[at];
    if (c == '{' || c == '[') {
      ++depth;
    } else if (c == '}' || c == ']') {
      --depth;
    } else if (c == '"') {
      const bool key = depth == 1 && at > 0 && (text[at - 1] == '{' || text[at - 1] == ',');
      if (key && text.substr(at).starts_with(kKey)) {
        const std::size_t begin = at + kKey.size() - 1;
        const std::size_t end = text.find('"', begin + 1);
        if (end == std::string_view::npos) return std::nullopt;
        const std::string_view id = text.substr(begin + 1, end - begin - 1);
        if (id.find('\\') != std::string_view::npos) return std::nullopt;
        return std::pair{begin, end + 1};
      }
      for (++at; at < text.size() && text[at] != '"'; ++at) {  // skip the string
        if (text[at] == '\\') ++at;
      }
    }
  }
  return std::nullopt;
}

}  // namespace

const std::string* GroupNames::name_of(std::string_view id) {
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
  const auto name = names_->find(id);
  return name == names_->end() ? nullptr : &name->second;
}

model::Json GroupNames::with_name(model::Json job) {
  const auto group = job.find("group");
  if (group == job.end() || !group->is_string()) return job;
  const std::string id = group->get<std::string>();
  if (const std::string* name = name_of(id)) {
    *group = model::Json{{"id", id}, {"displayName", *name}};
  }
  return job;
}

std::string GroupNames::with_name_text(std::string_view compact) {
  const auto span = top_level_group(compact);
  if (!span) return std::string(compact);
  const auto [begin, end] = *span;
  const std::string_view id = compact.substr(begin + 1, end - begin - 2);  // inside the quotes
  const std::string* name = name_of(id);
  if (!name) return std::string(compact);
  const model::Json object = {{"id", id}, {"displayName", *name}};
  std::string text(compact.substr(0, begin));
  text += object.dump(-1, ' ', false, model::Json::error_handler_t::replace);
  text += compact.substr(end);
  return text;
}

}  // namespace iotc::cli
