#pragma once
// Text that came from the service, made safe and measured for a terminal.

#include <cstddef>
#include <string>
#include <string_view>

namespace iotc::output {

// Replaces every control character (C0, DEL, and the C1 range U+0080..U+009F) with a visible
// escape such as "\x1b" or "\n", and every invalid UTF-8 byte with U+FFFD, so that a job name
// cannot move the cursor, retitle the window or hide text when printed to a terminal.
std::string neutralize_controls(std::string_view text);
// neutralize_controls(), appended to `out`.
void append_neutralized(std::string& out, std::string_view text);

// Columns the text takes on a terminal: one per code point (wide CJK glyphs count as one; the
// table may then be a little wider than measured, never broken).
std::size_t display_width(std::string_view text);

// Cuts `text` to at most `width` columns, ending with "…" when anything was cut.
std::string truncate_to_width(std::string_view text, std::size_t width);

// Pads with spaces on the right to `width` columns.
std::string pad_right(std::string_view text, std::size_t width);

}  // namespace iotc::output
