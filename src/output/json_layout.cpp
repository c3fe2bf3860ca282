#include "output/json_layout.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <string>

namespace iotc::output {
namespace {

constexpr std::string_view kHex = "0123456789abcdef";
// Indentation up to this many spaces comes from one precomputed line break.
constexpr std::size_t kPrecomputedIndent = 256;
// Bytes that end a run copied as it is: a string's quote and the structural characters.
constexpr std::string_view kStructural = "\"{}[],:";

// Bytes copied as they are inside a string: all but the quote, the backslash, DEL and 0xC2 (the
// lead byte of U+0080..U+00BF, among them the C1 controls).
constexpr std::array<bool, 256> kStringPlain = [] {
  std::array<bool, 256> plain{};
  for (int byte = 0; byte < 256; ++byte) {
    plain[byte] = byte != '"' && byte != '\\' && byte != 0x7F && byte != 0xC2;
  }
  return plain;
}();

void append_u00(std::string& out, unsigned char code) {
  out += "\\u00";
  out += kHex[code >> 4];
  out += kHex[code & 0xF];
}

// Appends the string opening at `open` (quote to quote) terminal-safe; returns the index after
// its closing quote (or the end of the text).
std::size_t append_string(std::string& out, std::string_view text, std::size_t open) {
  out += '"';
  std::size_t i = open + 1;
  while (true) {
    const std::size_t run = i;
    while (i < text.size() && kStringPlain[static_cast<unsigned char>(text[i])]) ++i;
    out.append(text, run, i - run);
    if (i >= text.size()) return i;
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte == '"') {
      out += '"';
      return i + 1;
    }
    if (byte == '\\') {
      out.append(text, i, std::min<std::size_t>(2, text.size() - i));
      i += 2;
    } else if (byte == 0x7F) {
      append_u00(out, 0x7F);
      ++i;
    } else {  // 0xC2
      const auto next = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
      if (next >= 0x80 && next < 0xA0) {
        append_u00(out, next);
        i += 2;
      } else {
        out += text[i++];
      }
    }
  }
}

}  // namespace

void append_terminal_safe(std::string& out, std::string_view text) {
  if (text.empty()) return;
  // Nearly always neither byte occurs: two memchr scans, then one copy.
  if (std::memchr(text.data(), 0x7F, text.size()) == nullptr &&
      std::memchr(text.data(), 0xC2, text.size()) == nullptr) {
    out += text;
    return;
  }
  std::size_t run = 0;  // start of the bytes not yet copied
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte == 0x7F) {
      out.append(text, run, i - run);
      append_u00(out, 0x7F);
      run = i + 1;
    } else if (byte == 0xC2 && i + 1 < text.size()) {
      const auto next = static_cast<unsigned char>(text[i + 1]);
      if (next < 0x80 || next >= 0xA0) continue;
      out.append(text, run, i - run);
      append_u00(out, next);
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
  // A line break and its indentation in one append: one byte at a time was a sixth of the CPU
  // of `list --all -o json`.
  static const std::string kBreaks = "\n" + std::string(kPrecomputedIndent, ' ');
  const auto new_line = [&] {
    const std::size_t spaces = margin + depth * step;
    if (spaces <= kPrecomputedIndent) {
      out.append(kBreaks, 0, 1 + spaces);
    } else {
      out += '\n';
      out.append(spaces, ' ');
    }
  };
  // The layout adds a line break and indentation for each member: about twice the text.
  out.reserve(out.size() + 2 * compact.size());
  std::size_t i = 0;
  while (i < compact.size()) {
    const char c = compact[i];
    switch (c) {
      case '"':
        i = append_string(out, compact, i);
        continue;
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
