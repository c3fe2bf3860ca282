// GET /api/organizations and /api/organizations/{id} (2022 versions): the organizations the
// caller's token sees, its own and their descendants (all of them for a token of the whole app).
#include "emulator/api_error.hpp"
#include "emulator/router.hpp"
#include "emulator/views.hpp"

namespace iotc::emulator {
namespace {

using iotc::model::ApiVersion;

void list_organizations(Call& call) {
  auto page = page_request(call);
  auto organizations =
      call.app.store->organizations_after(token_number(page, 0), page.size + 1, call.scope);
  send_page(call, page, organizations, organization_view,
            [](const OrganizationRecord& organization) {
              return std::to_string(organization.seq);
            });
}

void get_organization(Call& call) {
  auto organization = call.app.store->organization(call.params[0], call.scope);
  if (!organization) {
    throw ApiError(404, codes::kOrganizationNotFound,
                   "Organization '" + call.params[0] + "' not found.");
  }
  send_json(call.res, 200, organization_view(*organization));
}

}  // namespace

void add_organization_routes(Router& router) {
  const std::set<ApiVersion> v2022 = {ApiVersion::v2022_07_31, ApiVersion::v2022_10_31_preview};
  router.add("GET", "/api/organizations", list_organizations, v2022);
  router.add("GET", "/api/organizations/{}", get_organization, v2022);
}

}  // namespace iotc::emulator
