#include "emulator/router.hpp"

namespace iotc::emulator {

void Router::add(std::string method, const std::string& pattern, RouteHandler handler,
                 std::set<iotc::model::ApiVersion> versions) {
  routes_.push_back(
      {std::move(method), std::regex(pattern), true, std::move(versions), std::move(handler)});
}

void Router::add_admin(std::string method, const std::string& pattern, RouteHandler handler) {
  routes_.push_back({std::move(method), std::regex(pattern), false, {}, std::move(handler)});
}

RouteMatch Router::match(const std::string& method, const std::string& path) const {
  RouteMatch result;
  // HEAD is answered like GET (httplib sends the headers only).
  std::string wanted = method == "HEAD" ? std::string("GET") : method;
  for (const auto& route : routes_) {
    std::smatch m;
    if (!std::regex_match(path, m, route.pattern)) continue;
    result.allowed.push_back(route.method);
    if (route.method == wanted && result.route == nullptr) {
      result.route = &route;
      for (std::size_t i = 1; i < m.size(); ++i) result.params.push_back(m[i].str());
    }
  }
  return result;
}

}  // namespace iotc::emulator
