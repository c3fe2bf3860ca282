#include "model/json_reader.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "model/count.hpp"

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

std::optional<std::int64_t> JsonReader::count(std::string_view key) {
  const Json* value = member(key);
  if (value == nullptr) return std::nullopt;
  // Beyond int64 or negative, a count is garbage; a cast would wrap or be undefined.
  if (const auto number = count_value(*value)) return number;
  wrong_type(key, "a whole number from 0");
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
