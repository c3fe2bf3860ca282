#include "util/trim.hpp"

namespace iotc::util {

std::string_view trim(std::string_view text, std::string_view whitespace) {
  const auto begin = text.find_first_not_of(whitespace);
  if (begin == std::string_view::npos) return {};
  const auto end = text.find_last_not_of(whitespace);
  return text.substr(begin, end - begin + 1);
}

}  // namespace iotc::util
