#include "emulator/group_list_query.hpp"

#include <sstream>

#include "emulator/api_error.hpp"

namespace iotc::emulator {
namespace {

[[noreturn]] void refuse(const std::string& parameter, const std::string& message) {
  throw ApiError(400, codes::kBadRequest, "The " + parameter + " parameter is not supported: " +
                                              message + ".");
}

// Splits on spaces outside single quotes; a quoted word keeps its quotes ('it''s' is one word).
std::vector<std::string> words(const std::string& text, const std::string& parameter) {
  std::vector<std::string> out;
  std::string word;
  bool quoted = false;
  for (char c : text) {
    if (c == '\'') quoted = !quoted;
    if (c == ' ' && !quoted) {
      if (!word.empty()) out.push_back(std::move(word));
      word.clear();
    } else {
      word += c;
    }
  }
  if (quoted) refuse(parameter, "a string is not closed");
  if (!word.empty()) out.push_back(std::move(word));
  return out;
}

std::string unquote(const std::string& word) {
  if (word.size() < 2 || word.front() != '\'' || word.back() != '\'') {
    refuse("filter", "a value must be a string in single quotes");
  }
  std::string value;
  for (std::size_t i = 1; i + 1 < word.size(); ++i) {
    value += word[i];
    if (word[i] == '\'') ++i;  // '' is one quote
  }
  return value;
}

void read_filter(const std::string& text, GroupQuery& query) {
  const auto parts = words(text, "filter");
  if (parts.size() != 3 && parts.size() != 7) {
    refuse("filter", "use id eq 'X' or displayName eq 'X', joined by and");
  }
  for (std::size_t i = 0; i < parts.size(); i += 4) {
    if (i > 0 && parts[i - 1] != "and") refuse("filter", "only and joins two comparisons");
    if (parts[i + 1] != "eq") refuse("filter", "only eq compares, found '" + parts[i + 1] + "'");
    const std::string value = unquote(parts[i + 2]);
    if (parts[i] == "id") {
      query.id = value;
    } else if (parts[i] == "displayName") {
      query.display_name = value;
    } else {
      refuse("filter", "only id and displayName can be compared, found '" + parts[i] + "'");
    }
  }
}

void read_orderby(const std::string& text, GroupQuery& query) {
  const auto parts = words(text, "orderby");
  if (parts.empty() || parts.size() > 2) refuse("orderby", "use id or displayName, then asc or desc");
  if (parts[0] == "id") {
    query.order_by = "id";
  } else if (parts[0] == "displayName") {
    query.order_by = "display_name";
  } else {
    refuse("orderby", "only id and displayName sort, found '" + parts[0] + "'");
  }
  if (parts.size() == 2) {
    if (parts[1] != "asc" && parts[1] != "desc") refuse("orderby", "use asc or desc");
    query.descending = parts[1] == "desc";
  }
}

}  // namespace

GroupQuery group_list_query(const Call& call) {
  GroupQuery query;
  if (!iotc::model::has_group_if_match(call.version)) return query;
  if (call.req.has_param("filter")) read_filter(call.req.get_param_value("filter"), query);
  if (call.req.has_param("orderby")) read_orderby(call.req.get_param_value("orderby"), query);
  return query;
}

}  // namespace iotc::emulator
