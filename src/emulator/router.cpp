#include "emulator/router.hpp"

namespace iotc::emulator {
namespace {

constexpr const char* kCapture = "{}";

// "/api/jobs/x" -> {"api", "jobs", "x"}; a trailing or doubled '/' gives an empty segment.
std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> segments;
  std::size_t start = path.empty() || path[0] != '/' ? 0 : 1;
  while (true) {
    auto slash = path.find('/', start);
    segments.push_back(path.substr(start, slash - start));
    if (slash == std::string::npos) return segments;
    start = slash + 1;
  }
}

bool matches(const std::vector<std::string>& pattern, const std::vector<std::string>& path,
             std::vector<std::string>& captures) {
  if (pattern.size() != path.size()) return false;
  captures.clear();
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == kCapture) {
      if (path[i].empty()) return false;
      captures.push_back(path[i]);
    } else if (pattern[i] != path[i]) {
      return false;
    }
  }
  return true;
}

}  // namespace

void Router::add(std::string method, const std::string& pattern, RouteHandler handler,
                 std::set<iotc::model::ApiVersion> versions) {
  routes_.push_back(
      {std::move(method), split_path(pattern), true, std::move(versions), std::move(handler)});
}

void Router::add_admin(std::string method, const std::string& pattern, RouteHandler handler) {
  routes_.push_back({std::move(method), split_path(pattern), false, {}, std::move(handler)});
}

RouteMatch Router::match(const std::string& method, const std::string& path) const {
  RouteMatch result;
  // HEAD is answered like GET (httplib sends the headers only).
  std::string wanted = method == "HEAD" ? std::string("GET") : method;
  const auto segments = split_path(path);
  std::vector<std::string> captures;
  for (const auto& route : routes_) {
    if (!matches(route.segments, segments, captures)) continue;
    result.allowed.push_back(route.method);
    if (route.method == wanted && result.route == nullptr) {
      result.route = &route;
      result.params = captures;
    }
  }
  return result;
}

}  // namespace iotc::emulator
