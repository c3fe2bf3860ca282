#pragma once
// Reads the members of one JSON object into typed fields, collecting type problems with their
// path instead of throwing, and hands back the members nobody asked for.

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/job.hpp"
#include "model/problem.hpp"

namespace iotc::model {

class JsonReader {
 public:
  // `path` is the object's own path ("" for the document, "data[0]", "batch").
  JsonReader(const Json& object, std::string path, Problems& problems);

  // False (and a problem recorded) when the value is not an object.
  bool is_object() const { return object_.is_object(); }

  std::optional<std::string> string(std::string_view key);
  std::optional<double> number(std::string_view key);
  // A count (model/count.hpp): a whole number from 0, an integral float accepted.
  std::optional<std::int64_t> count(std::string_view key);
  std::optional<bool> boolean(std::string_view key);
  // Any JSON value, null included; nullopt only when the member is absent.
  std::optional<Json> any(std::string_view key);
  // The member itself when it has the expected kind, else nullopt (and a problem).
  const Json* array(std::string_view key);
  const Json* object(std::string_view key);

  std::string child_path(std::string_view key) const;
  Problems& problems() { return problems_; }

  // The members that no accessor above has read.
  Json unread() const;

 private:
  const Json* member(std::string_view key);
  void wrong_type(std::string_view key, std::string_view expected);

  const Json& object_;
  std::string path_;
  Problems& problems_;
  std::vector<std::string> read_;
};

// "data" + 0 -> "data[0]"
std::string index_path(std::string_view path, std::size_t index);

}  // namespace iotc::model
