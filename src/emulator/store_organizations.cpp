// The organization half of Store: the app's tree of organizations.
#include "emulator/scope_sql.hpp"
#include "emulator/store.hpp"

namespace iotc::emulator {
namespace {

const std::string kOrganizationColumns =
    "SELECT seq, id, display_name, parent FROM organizations o0 ";

OrganizationRecord read_organization(const Statement& row) {
  OrganizationRecord organization;
  organization.seq = row.int64(0);
  organization.id = row.text(1);
  organization.display_name = row.text(2);
  organization.parent = row.opt_text(3);
  return organization;
}

}  // namespace

void Store::add_organization(OrganizationRecord& organization) {
  cached("INSERT INTO organizations(id, display_name, parent) VALUES(?1, ?2, ?3)")
      .bind(1, organization.id)
      .bind(2, organization.display_name)
      .bind(3, organization.parent)
      .run();
  organization.seq = sqlite3_last_insert_rowid(db_.handle());
}

std::optional<OrganizationRecord> Store::organization(const std::string& id, const Scope& scope) {
  static const std::string sql =
      kOrganizationColumns + "WHERE o0.id = ?1 AND " + scoped(in_subtree("o0.id", 2), 2);
  auto& s = cached(sql);
  s.bind(1, id).bind(2, scope);
  std::optional<OrganizationRecord> result;
  if (s.step()) result = read_organization(s);
  s.reset();
  return result;
}

std::vector<OrganizationRecord> Store::organizations_after(std::int64_t after_seq,
                                                           std::int64_t limit,
                                                           const Scope& scope) {
  static const std::string sql = kOrganizationColumns + "WHERE o0.seq > ?1 AND " +
                                 scoped(in_subtree("o0.id", 3), 3) + " ORDER BY o0.seq LIMIT ?2";
  auto& s = cached(sql);
  s.bind(1, after_seq).bind(2, limit).bind(3, scope);
  std::vector<OrganizationRecord> result;
  while (s.step()) result.push_back(read_organization(s));
  s.reset();
  return result;
}

}  // namespace iotc::emulator
