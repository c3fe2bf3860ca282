#include "api/url.hpp"

#include <charconv>

#include "util/ascii_case.hpp"

namespace iotc::api {
namespace {

std::optional<int> parse_port(std::string_view text) {
  int port = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), port);
  if (error != std::errc() || end != text.data() + text.size() || port <= 0 || port > 65535) {
    return std::nullopt;
  }
  return port;
}

bool is_ipv4_loopback(std::string_view host) {
  // 127.x.y.z with four decimal parts, each 0..255.
  int parts = 0;
  std::size_t start = 0;
  while (start <= host.size()) {
    std::size_t dot = host.find('.', start);
    std::string_view part =
        host.substr(start, dot == std::string_view::npos ? host.npos : dot - start);
    int value = -1;
    auto [end, error] = std::from_chars(part.data(), part.data() + part.size(), value);
    if (part.empty() || error != std::errc() || end != part.data() + part.size() || value > 255) {
      return false;
    }
    if (parts == 0 && value != 127) return false;
    ++parts;
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return parts == 4;
}

}  // namespace

std::optional<Url> parse_url(std::string_view text) {
  std::size_t colon = text.find("://");
  if (colon == std::string_view::npos) return std::nullopt;
  Url url;
  url.scheme = util::to_lower_ascii(text.substr(0, colon));
  if (url.scheme != "http" && url.scheme != "https") return std::nullopt;
  std::string_view after = text.substr(colon + 3);
  std::size_t authority_end = after.find_first_of("/?#");
  std::string_view authority = after.substr(0, authority_end);
  url.rest =
      authority_end == std::string_view::npos ? "" : std::string(after.substr(authority_end));
  if (authority.find('@') != std::string_view::npos) return std::nullopt;  // no userinfo
  std::string_view host = authority;
  std::string_view port;
  if (authority.starts_with('[')) {
    std::size_t close = authority.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    host = authority.substr(1, close - 1);
    std::string_view tail = authority.substr(close + 1);
    if (!tail.empty()) {
      if (tail.front() != ':') return std::nullopt;
      port = tail.substr(1);
    }
  } else if (std::size_t port_colon = authority.rfind(':'); port_colon != std::string_view::npos) {
    host = authority.substr(0, port_colon);
    port = authority.substr(port_colon + 1);
  }
  if (host.empty()) return std::nullopt;
  url.host = util::to_lower_ascii(host);
  if (!port.empty()) {
    std::optional<int> number = parse_port(port);
    if (!number) return std::nullopt;
    url.port = *number;
  } else {
    url.port = url.scheme == "https" ? 443 : 80;
  }
  return url;
}

bool same_origin(const Url& a, const Url& b) {
  return a.scheme == b.scheme && a.host == b.host && a.port == b.port;
}

bool is_loopback_host(std::string_view host) {
  std::string name = util::to_lower_ascii(host);
  if (name.starts_with('[') && name.ends_with(']')) name = name.substr(1, name.size() - 2);
  if (name.ends_with('.')) name.pop_back();  // "localhost." is localhost too
  return name == "localhost" || name == "::1" || name == "0:0:0:0:0:0:0:1" ||
         is_ipv4_loopback(name);
}

std::string with_query_parameter(std::string_view url, std::string_view name,
                                 std::string_view value) {
  std::size_t fragment = url.find('#');
  std::string_view base = url.substr(0, fragment);
  std::size_t query = base.find('?');
  if (query != std::string_view::npos) {
    std::string_view params = base.substr(query + 1);
    std::size_t start = 0;
    while (start <= params.size()) {
      std::size_t amp = params.find('&', start);
      std::string_view param = params.substr(start, amp == params.npos ? params.npos : amp - start);
      std::string_view key = param.substr(0, param.find('='));
      if (key == name) return std::string(url);
      if (amp == params.npos) break;
      start = amp + 1;
    }
  }
  std::string out(base);
  if (query == std::string_view::npos) {
    out += '?';
  } else if (!out.ends_with('?') && !out.ends_with('&')) {
    out += '&';
  }
  out.append(name).append("=").append(value);
  if (fragment != std::string_view::npos) out.append(url.substr(fragment));
  return out;
}

}  // namespace iotc::api
