#pragma once
// The common case of a page read without a DOM (api/page_text.hpp), scanned without nlohmann's
// lexer.

#include <optional>
#include <string_view>

#include "api/page_text.hpp"

namespace iotc::api {

// The common case of read_page_text() (ASCII strings without \u escapes, plain integers):
// nullopt for anything else, valid or not. read_page_text() tries it first.
std::optional<PageText> read_simple_page_text(std::string_view body);

}  // namespace iotc::api
