#include "api/transport.hpp"

#include <algorithm>

#include "util/ascii_case.hpp"

namespace iotc::api {

std::string_view to_string(Method method) {
  switch (method) {
    case Method::get:
      return "GET";
    case Method::put:
      return "PUT";
    case Method::post:
      return "POST";
    case Method::patch:
      return "PATCH";
    case Method::del:
      return "DELETE";
  }
  return "GET";
}

std::string_view to_string(TransportErrorKind kind) {
  switch (kind) {
    case TransportErrorKind::connect_failed:
      return "connection failed";
    case TransportErrorKind::dns:
      return "host name lookup failed";
    case TransportErrorKind::tls:
      return "TLS failed";
    case TransportErrorKind::timeout:
      return "timed out";
    case TransportErrorKind::connection_dropped:
      return "connection dropped";
    case TransportErrorKind::aborted:
      return "interrupted";
    case TransportErrorKind::too_large:
      return "answer too large";
    case TransportErrorKind::other:
      return "transport error";
  }
  return "transport error";
}

void Headers::set(std::string_view name, std::string_view value) {
  std::erase_if(fields_, [&](const Field& field) { return util::iequals(field.first, name); });
  add(name, value);
}

void Headers::add(std::string_view name, std::string_view value) {
  fields_.emplace_back(std::string(name), std::string(value));
}

std::optional<std::string_view> Headers::get(std::string_view name) const {
  for (const Field& field : fields_) {
    if (util::iequals(field.first, name)) return field.second;
  }
  return std::nullopt;
}

}  // namespace iotc::api
