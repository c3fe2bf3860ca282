#pragma once
// The part of the IoT Central query language that the emulator evaluates for a device group's
// `filter` (docs/emulator.md, "Device groups"): SELECT * FROM devices, optionally WHERE with
// AND, OR and parentheses over `$property = literal` and `$property != literal`, on $id,
// $displayName, $template, $organizations (strings) and $provisioned, $simulated, $enabled
// (true/false). Anything else is refused with a message naming the part.

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace iotc::emulator {

class UnsupportedFilter : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The filter as an SQL condition over the devices table as `d`, whose literals are bound
// parameters numbered from `first_param` (?N, ?N+1, ...): no text of the filter reaches the SQL.
struct FilterSql {
  std::string condition;  // "1" for no WHERE
  std::vector<std::variant<std::string, std::int64_t>> params;
};

// Throws UnsupportedFilter naming the first part it cannot evaluate.
FilterSql compile_group_filter(std::string_view filter, int first_param);

}  // namespace iotc::emulator
