#pragma once
// Text from clients (a decoded request path, a header) on its way to the emulator's stderr: any
// client can put ESC, OSC, BEL or CR/LF bytes in a path, and a terminal would obey them.

#include <string>
#include <string_view>

namespace iotc::emulator {

// `text` with every control character (C0, DEL, and the C1 range as UTF-8 writes it) shown as
// \xNN, and backslash as \\ so that the escapes stay unambiguous.
std::string printable(std::string_view text);

}  // namespace iotc::emulator
