#include "api/next_link.hpp"

#include <optional>

#include "api/redact.hpp"
#include "api/url.hpp"
#include "errors.hpp"

namespace iotc::api {

std::string next_link_url(std::string_view base_url, model::ApiVersion version,
                          std::string_view next_link) {
  std::string link(next_link);
  const std::optional<Url> base = parse_url(base_url);
  if (!base) throw Error("the base URL " + redact_text(one_line(base_url)) + " is not a URL");
  if (link.starts_with('/')) {  // a relative link: resolve it against the base's origin
    std::string host =
        base->host.find(':') != std::string::npos ? "[" + base->host + "]" : base->host;
    link = base->scheme + "://" + host + ":" + std::to_string(base->port) + link;
  }
  std::optional<Url> target = parse_url(link);
  if (!target || !same_origin(*target, *base)) {
    std::string shown =
        target ? target->scheme + "://" + target->host + ":" + std::to_string(target->port)
               : redact_text(one_line(link));
    throw Error("refusing to follow the service's nextLink to " + shown + ": it is not " +
                base->scheme + "://" + base->host + ":" + std::to_string(base->port) +
                ", and the token is sent only to the configured host");
  }
  return with_query_parameter(link, "api-version", model::to_string(version));
}

}  // namespace iotc::api
