#include "model/json_reader.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace iotc::model {

std::string index_path(std::string_view path, std::size_t index) {
  return std::string(path) + "[" + std::to_string(index) + "]";
}

JsonReader::JsonReader(const Json& object, std::string path, Problems& problems)
    : object_(object), path_(std::move(path)), problems_(problems) {
  if (!object_.is_object()) problems_.push_back({path_, "must be an object"});
}

std::string JsonReader::child_path(std::string_view key) const {
  return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
}

const Json* JsonReader::member(std::string_view key) {
  if (!object_.is_object()) return nullptr;
  read_.emplace_back(key);
  auto it = object_.find(std::string(key));
  return it == object_.end() ? nullptr : &*it;
}

void JsonReader::wrong_type(std::string_view key, std::string_view expected) {
  problems_.push_back({child_path(key), "must be " + std::string(expected)});
}

std::optional<std::string> JsonReader::string(std::string_view key) {
  const Json* value = member(key);
  if (value == nullptr) return std::nullopt;
  if (!value->is_string()) {
    wrong_type(key, "a string");
    return std::nullopt;
  }
  return value->get<std::string>();
}

std::optional<double> JsonReader::number(std::string_view key) {
  const Json* value = member(key);
  if (value == nullptr) return std::nullopt;
  if (!value->is_number()) {
    wrong_type(key, "a number");
    return std::nullopt;
  }
  return value->get<double>();
}

std::optional<std::int64_t> JsonReader::integer(std::string_view key) {
  const Json* value = member(key);
  if (value == nullptr) return std::nullopt;
  // Beyond int64 a count is garbage: the cast would wrap (unsigned) or be undefined (double).
  constexpr double kInt64Limit = 9223372036854775808.0;  // 2^63
  if (value->is_number_unsigned()) {
    const auto number = value->get<std::uint64_t>();
    if (number <= static_cast<std::uint64_t>(INT64_MAX)) return static_cast<std::int64_t>(number);
  } else if (value->is_number_integer()) {
    return value->get<std::int64_t>();
  } else if (value->is_number_float()) {
    const double number = value->get<double>();
    if (std::trunc(number) == number && number >= -kInt64Limit && number < kInt64Limit) {
      return static_cast<std::int64_t>(number);
    }
  }
  wrong_type(key, "a whole number");
  return std::nullopt;
}

std::optional<bool> JsonReader::boolean(std::string_view key) {
  const Json* value = member(key);
  if (value == nullptr) return std::nullopt;
  if (!value->is_boolean()) {
    wrong_type(key, "true or false");
    return std::nullopt;
  }
  return value->get<bool>();
}

std::optional<Json> JsonReader::any(std::string_view key) {
  const Json* value = member(key);
  if (value == nullptr) return std::nullopt;
  return *value;
}

const Json* JsonReader::array(std::string_view key) {
  const Json* value = member(key);
  if (value == nullptr) return nullptr;
  if (!value->is_array()) {
    wrong_type(key, "an array");
    return nullptr;
  }
  return value;
}

const Json* JsonReader::object(std::string_view key) {
  const Json* value = member(key);
  if (value == nullptr) return nullptr;
  if (!value->is_object()) {
    wrong_type(key, "an object");
    return nullptr;
  }
  return value;
}

Json JsonReader::unread() const {
  Json rest = Json::object();
  if (!object_.is_object()) return rest;
  for (const auto& [key, value] : object_.items()) {
    if (std::find(read_.begin(), read_.end(), key) == read_.end()) rest[key] = value;
  }
  return rest;
}

}  // namespace iotc::model
