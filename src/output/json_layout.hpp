#pragma once
// JSON text for the terminal and for parsers, from text that is already compact JSON: the JSON
// writers print items read without a DOM (api::RawPager::next_text) through these.

#include <cstddef>
#include <string>
#include <string_view>

namespace iotc::output {

// Appends `text` with DEL and the C1 controls (U+0080..U+009F), which JSON leaves raw, written
// as \u escapes. In JSON text those bytes only occur inside strings.
void append_terminal_safe(std::string& out, std::string_view text);

// Appends compact JSON text (Json::dump() with no indent) laid out as Json::dump(indent) would
// lay it out, every line after the first indented by `margin` more spaces, and made
// terminal-safe. indent < 0 keeps it compact.
void append_json_layout(std::string& out, std::string_view compact, int indent, std::size_t margin);

}  // namespace iotc::output
