#pragma once
// Where a page's nextLink may lead: the token goes with every page, so only to the configured
// origin.

#include <string>
#include <string_view>

#include "model/api_version.hpp"

namespace iotc::api {

// The URL to fetch for `next_link` under `base_url`: a relative link is resolved against the
// base's origin, an absolute one must have the same scheme, host and port, and api-version is
// added when the link lacks one. Throws iotc::Error for a link to anywhere else.
std::string next_link_url(std::string_view base_url, model::ApiVersion version,
                          std::string_view next_link);

}  // namespace iotc::api
