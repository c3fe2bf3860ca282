#include "cli/typed_value.hpp"

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>

#include "cli/shell_quote.hpp"
#include "errors.hpp"
#include "model/json_text.hpp"
#include "util/trim.hpp"

namespace iotc::cli {
namespace {

using model::Json;

// The largest integer every JSON reader keeps exactly: IEEE doubles (JavaScript, the service's
// own JSON stack) have 53 bits of mantissa.
constexpr std::int64_t kMaxExactInteger = std::int64_t{1} << 53;

// What JSON allows around a value (RFC 8259 §2); the parser takes the same.
constexpr std::string_view kJsonWhitespace = " \t\r\n";

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// Text a person would take for a number: an optional sign, digits with an optional point, an
// optional exponent ("1.10", "007", "-5", ".5", "5.", "1e3", "+2"). "1.2.3" and "0x10" are not.
bool looks_like_number(std::string_view text) {
  std::size_t i = 0;
  const auto digits = [&] {
    const std::size_t start = i;
    while (i < text.size() && is_digit(text[i])) ++i;
    return i - start;
  };
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) ++i;
  std::size_t mantissa = digits();
  if (i < text.size() && text[i] == '.') {
    ++i;
    mantissa += digits();
  }
  if (mantissa == 0) return false;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) ++i;
    if (digits() == 0) return false;
  }
  return i == text.size();
}

// True when `text` is the one way JSON writers spell `value`, so that it reaches the device as
// typed: no exponent, no leading zero or '+', no trailing zero after the point, no integer
// beyond 2^53.
bool survives_the_trip(std::string_view text, const Json& value) {
  if (text.find_first_of("eE+") != std::string_view::npos) return false;
  if (value.is_number_float()) {
    if (text.back() == '0' && text.find('.') != std::string_view::npos) return false;
  } else if (value.is_number_unsigned()) {
    if (value.get<std::uint64_t>() > static_cast<std::uint64_t>(kMaxExactInteger)) return false;
  } else {
    const std::int64_t integer = value.get<std::int64_t>();
    if (integer > kMaxExactInteger || integer < -kMaxExactInteger) return false;
  }
  return value.dump() == text;
}

// What a JSON reader would make of the number `text`, written the way JSON writers write it.
std::optional<std::string> number_form(std::string_view text) {
  std::string digits(text);
  if (!digits.empty() && digits.front() == '+') digits.erase(0, 1);
  char* end = nullptr;
  const double number = std::strtod(digits.c_str(), &end);
  if (end != digits.c_str() + digits.size() || !std::isfinite(number)) return std::nullopt;
  // From 2^53 on, doubles skip integers: no number keeps every digit.
  if (std::fabs(number) >= static_cast<double>(kMaxExactInteger)) return std::nullopt;
  if (std::trunc(number) == number) return std::to_string(std::llround(number));
  return Json(number).dump();
}

// "--set fw=1.10" as the user would type it again, with `value` in place of the text.
std::string flag_with(std::string_view flag, std::string_view name, std::string_view value) {
  return std::string(flag) + " " + shell_word(std::string(name) + "=" + std::string(value));
}

[[noreturn]] void refuse(std::string_view flag, std::string_view name, std::string_view text,
                         const std::string& why, const std::string& number_choice) {
  throw UsageError(flag_with(flag, name, text) + ": " + why + ". Say which you mean:\n  " +
                   "the text:   " + flag_with(flag, name, Json(std::string(text)).dump()) + "\n  " +
                   number_choice);
}

// JSON carries UTF-8 only: a name or value with other bytes (a Latin-1 file, a stray byte from a
// terminal) could not be written into the payload, so it is refused here, before anything is
// sent, instead of failing later at the moment of sending.
void require_utf8(std::string_view flag, std::string_view name, std::string_view text) {
  for (const std::string_view part : {name, text}) {
    try {
      (void)Json(std::string(part)).dump();
    } catch (const Json::type_error&) {
      throw UsageError(std::string(flag) + " " + (part == name ? "NAME" : "VALUE") +
                       ": not valid UTF-8 text; JSON carries UTF-8 only (check the encoding of "
                       "the terminal or the file it came from)");
    }
  }
}

}  // namespace

Json parse_value(std::string_view flag, std::string_view name, std::string_view text) {
  require_utf8(flag, name, text);
  const std::string_view core = util::trim(text, kJsonWhitespace);
  // parse_json refuses JSON nested deeper than the stack can copy: such a value stays text.
  std::optional<Json> parsed = model::parse_json(text);
  if (looks_like_number(core) &&
      !(parsed && parsed->is_number() && survives_the_trip(core, *parsed))) {
    const auto number = number_form(core);
    const std::string why =
        number ? "the number " + std::string(core) + " would reach the device as " + *number
               : std::string(core) + " is 2^53 or more, beyond which JSON readers lose digits";
    refuse(flag, name, text, why,
           number ? "the number: " + flag_with(flag, name, *number)
                  : "the number: none keeps every digit; send the text");
  }
  if (parsed) return std::move(*parsed);
  if (!core.empty() && (core.front() == '[' || core.front() == '{' || core.front() == '"')) {
    refuse(flag, name, text, "starts like JSON but is not valid JSON",
           "the JSON:   the same flag with the JSON after '=' corrected (brackets, quotes)");
  }
  return Json(std::string(text));
}

std::string_view json_type_name(const Json& value) {
  switch (value.type()) {
    case Json::value_t::null:
      return "null";
    case Json::value_t::boolean:
      return "a boolean";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float:
      return "a number";
    case Json::value_t::string:
      return "a string";
    case Json::value_t::array:
      return "an array";
    case Json::value_t::object:
      return "an object";
    default:
      break;
  }
  return "a value";
}

}  // namespace iotc::cli
