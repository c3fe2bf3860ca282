#include "output/json_layout.hpp"

namespace iotc::output {
namespace {

constexpr std::string_view kHex = "0123456789abcdef";
// Bytes that end a run copied as it is: a string's quote and the structural characters.
constexpr std::string_view kStructural = "\"{}[],:";

// The index of the quote that closes the string opening at `open` (or the end of the text).
std::size_t string_end(std::string_view text, std::size_t open) {
  std::size_t i = open + 1;
  while (i < text.size() && text[i] != '"') i += text[i] == '\\' ? 2 : 1;
  return i < text.size() ? i : text.size() - 1;
}

}  // namespace

void append_terminal_safe(std::string& out, std::string_view text) {
  std::size_t run = 0;  // start of the bytes not yet copied
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte == 0x7F) {
      out.append(text, run, i - run);
      out += "\\u007f";
      run = i + 1;
    } else if (byte == 0xC2 && i + 1 < text.size()) {
      const auto next = static_cast<unsigned char>(text[i + 1]);
      if (next < 0x80 || next >= 0xA0) continue;
      out.append(text, run, i - run);
      out += "\\u00";
      out += kHex[next >> 4];
      out += kHex[next & 0xF];
      run = i + 2;
      ++i;
    }
  }
  out.append(text, run, text.size() - run);
}

void append_json_layout(std::string& out, std::string_view compact, int indent,
                        std::size_t margin) {
  if (indent < 0) {
    append_terminal_safe(out, compact);
    return;
  }
  const auto step = static_cast<std::size_t>(indent);
  std::size_t depth = 0;
  const auto new_line = [&] {
    out += '\n';
    out.append(margin + depth * step, ' ');
  };
  std::size_t i = 0;
  while (i < compact.size()) {
    const char c = compact[i];
    switch (c) {
      case '"': {
        const std::size_t close = string_end(compact, i);
        append_terminal_safe(out, compact.substr(i, close + 1 - i));
        i = close + 1;
        continue;
      }
      case '{':
      case '[':
        out += c;
        if (i + 1 < compact.size() && (compact[i + 1] == '}' || compact[i + 1] == ']')) {
          out += compact[i + 1];  // an empty object or array stays on its line
          i += 2;
          continue;
        }
        ++depth;
        new_line();
        break;
      case '}':
      case ']':
        if (depth > 0) --depth;
        new_line();
        out += c;
        break;
      case ',':
        out += ',';
        new_line();
        break;
      case ':':
        out += ": ";
        break;
      default: {
        // A number or a literal: copied up to the next structural character.
        std::size_t stop = compact.find_first_of(kStructural, i);
        if (stop == std::string_view::npos) stop = compact.size();
        out.append(compact, i, stop - i);
        i = stop;
        continue;
      }
    }
    ++i;
  }
}

}  // namespace iotc::output
