#pragma once
// One request as the route handlers see it, and the helpers they share: JSON answers,
// paging parameters and nextLink.

#include <httplib.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "emulator/app.hpp"
#include "model/api_version.hpp"
#include "model/json_text.hpp"

namespace iotc::emulator {

// The deepest request body accepted (arrays and objects). A stored job comes back inside a list
// page, {"value": [job]}, two levels deeper, and clients (iotc-jobs among them) refuse answers
// nested deeper than model::kMaxJsonDepth: one job accepted at this depth must not make the
// listing of the whole app fail.
inline constexpr std::size_t kMaxBodyDepth = iotc::model::kMaxJsonDepth - 2;

struct Call {
  const httplib::Request& req;
  httplib::Response& res;
  App& app;
  std::vector<std::string> params;  // the route pattern's captures, in order
  iotc::model::ApiVersion version = iotc::model::kDefaultApiVersion;
  std::string base_url;  // scheme://host:port, for nextLink
  // The request body (read by the server within its caps; httplib's req.body stays empty).
  const std::string& body;
  // What the caller's token may see (app.hpp): service routes read and write only in it.
  Scope scope;
};

void send_json(httplib::Response& res, int status, const Json& body);
void send_no_content(httplib::Response& res);

// The request body as a JSON value; throws ApiError 400 when it is not JSON.
Json parse_body(const Call& call);

struct PageRequest {
  std::int64_t size;
  std::optional<std::string> token;  // from $skiptoken
  std::optional<std::int64_t> maxpagesize;
};

// Reads maxpagesize (2022-10-31-preview only; 1..100, else 400) and $skiptoken.
PageRequest page_request(const Call& call);
// The token as a number; throws ApiError 400 when malformed.
std::int64_t token_number(const PageRequest& page, std::int64_t fallback);
// An absolute URL for the page after `token`, keeping api-version and maxpagesize.
std::string next_link(const Call& call, const PageRequest& page, const std::string& token);

// Answers one page of a listing: {"value": [...]} with the first page.size rows, each shown by
// `view`, and a nextLink when there are more. Callers read page.size + 1 rows, so that one more
// row tells that a next page exists; `token_after(row)` is the $skiptoken of the page after `row`.
template <typename Row, typename View, typename TokenAfter>
void send_page(Call& call, const PageRequest& page, const std::vector<Row>& rows, View view,
               TokenAfter token_after) {
  Json value = Json::array();
  for (std::size_t i = 0; i < rows.size() && static_cast<std::int64_t>(i) < page.size; ++i) {
    value.push_back(view(rows[i]));
  }
  Json body = {{"value", value}};
  if (static_cast<std::int64_t>(rows.size()) > page.size) {
    body["nextLink"] =
        next_link(call, page, token_after(rows[static_cast<std::size_t>(page.size - 1)]));
  }
  send_json(call.res, 200, body);
}

}  // namespace iotc::emulator
