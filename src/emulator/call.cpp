#include "emulator/call.hpp"

#include <charconv>

#include "emulator/api_error.hpp"
#include "model/json_text.hpp"

namespace iotc::emulator {

void send_json(httplib::Response& res, int status, const Json& body) {
  res.status = status;
  res.set_content(body.dump(), "application/json; charset=utf-8");
}

void send_no_content(httplib::Response& res) {
  res.status = 204;
  res.body.clear();
}

Json parse_body(const Call& call) {
  // A body nested deeper than this would overflow the stack when copied: one request must not
  // bring the service down.
  if (!model::json_depth_within(call.body, kMaxBodyDepth)) {
    throw ApiError(400, codes::kBadRequest,
                   "The request body nests too deeply (more than " + std::to_string(kMaxBodyDepth) +
                       " levels).");
  }
  Json body = Json::parse(call.body, nullptr, false);
  if (body.is_discarded()) {
    throw ApiError(400, codes::kBadRequest, "The request body is not valid JSON.");
  }
  return body;
}

namespace {
std::optional<std::int64_t> parse_int(const std::string& text) {
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}
}  // namespace

PageRequest page_request(const Call& call) {
  PageRequest page{call.app.service.page_size, std::nullopt, std::nullopt};
  if (call.req.has_param("$skiptoken")) page.token = call.req.get_param_value("$skiptoken");
  if (iotc::model::has_maxpagesize(call.version) && call.req.has_param("maxpagesize")) {
    auto value = parse_int(call.req.get_param_value("maxpagesize"));
    if (!value || *value < 1 || *value > kMaxPageSizeParameter) {
      throw ApiError(400, codes::kInvalidMaxPageSize,
                     "maxpagesize must be a whole number from 1 to 100.");
    }
    page.maxpagesize = *value;
    page.size = std::min(page.size, *value);
  }
  return page;
}

std::int64_t token_number(const PageRequest& page, std::int64_t fallback) {
  if (!page.token) return fallback;
  auto value = parse_int(*page.token);
  if (!value || *value < 0) {
    throw ApiError(400, codes::kBadRequest, "The $skiptoken parameter is not valid.");
  }
  return *value;
}

std::string next_link(const Call& call, const PageRequest& page, const std::string& token) {
  std::string url = call.base_url + call.req.path +
                    "?api-version=" + std::string(iotc::model::to_string(call.version));
  if (page.maxpagesize) url += "&maxpagesize=" + std::to_string(*page.maxpagesize);
  return url + "&$skiptoken=" + token;
}

}  // namespace iotc::emulator
