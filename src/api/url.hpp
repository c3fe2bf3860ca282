#pragma once
// Just enough URL handling for the client: split an absolute http(s) URL into its origin and
// the rest, compare origins, and tell loopback hosts apart.

#include <optional>
#include <string>
#include <string_view>

namespace iotc::api {

struct Url {
  std::string scheme;  // "http" or "https", lower case
  std::string host;    // lower case; an IPv6 address without its brackets
  int port = 0;        // the explicit port, else 80 or 443
  std::string rest;    // path, query and fragment: "/api/jobs?x=1" (may be empty)
};

// nullopt unless `text` is an absolute http or https URL with a host.
std::optional<Url> parse_url(std::string_view text);

// Same scheme, host and port: where a token may be sent.
bool same_origin(const Url& a, const Url& b);

// localhost, 127.0.0.0/8 and ::1: the only hosts plain http may carry a token to.
bool is_loopback_host(std::string_view host);

// `url` with `name=value` appended to its query, unless the query already has `name`.
std::string with_query_parameter(std::string_view url, std::string_view name,
                                 std::string_view value);

}  // namespace iotc::api
