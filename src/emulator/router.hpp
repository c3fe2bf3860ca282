#pragma once
// The route table: method, path pattern ("/api/jobs/{}/devices"), whether it is a service route
// (api-version required) and in which api-versions it exists. Matching tells 404 (no such path)
// from 405 (no such method on an existing path).

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "emulator/call.hpp"

namespace iotc::emulator {

using RouteHandler = std::function<void(Call&)>;

struct Route {
  std::string method;
  std::vector<std::string> segments;           // "{}" captures one non-empty path segment
  bool service = true;                         // false: the admin API (no api-version)
  std::set<iotc::model::ApiVersion> versions;  // empty: every version
  RouteHandler handler;
};

struct RouteMatch {
  const Route* route = nullptr;      // the route to run
  std::vector<std::string> params;   // its captures
  std::vector<std::string> allowed;  // the methods the path has (for 405)
};

class Router {
 public:
  void add(std::string method, const std::string& pattern, RouteHandler handler,
           std::set<iotc::model::ApiVersion> versions = {});
  void add_admin(std::string method, const std::string& pattern, RouteHandler handler);
  // route is null when nothing matches; allowed is empty too when no path matches.
  RouteMatch match(const std::string& method, const std::string& path) const;

 private:
  std::vector<Route> routes_;
};

void add_job_routes(Router& router);
void add_schedule_routes(Router& router);
void add_group_routes(Router& router);
void add_organization_routes(Router& router);
void add_admin_routes(Router& router);

}  // namespace iotc::emulator
