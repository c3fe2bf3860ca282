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
// Bytes that end a number or a literal: a string's quote and the structural characters.
constexpr std::array<bool, 256> kStructural = [] {
  std::array<bool, 256> structural{};
  for (const char c : std::string_view("\"{}[],:")) structural[static_cast<unsigned char>(c)] = true;
  return structural;
}();

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
// its closing quote (or the end of the text). `plain`: the text holds no byte that would need a
// look (a backslash, DEL, 0xC2), so the string ends at the next quote.
std::size_t append_string(std::string& out, std::string_view text, std::size_t open, bool plain) {
  if (plain) {
    const std::size_t quote = text.find('"', open + 1);
    const std::size_t end = quote == std::string_view::npos ? text.size() : quote + 1;
    out.append(text, open, end - open);
    return end;
  }
  std::size_t i = open + 1;
  std::size_t run = open;  // the opening quote goes with the first run
  while (true) {
    while (i < text.size() && kStringPlain[static_cast<unsigned char>(text[i])]) ++i;
    if (i >= text.size()) {
      out.append(text, run, i - run);
      return i;
    }
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte == '"') {  // nearly always the first stop: the whole string is one append
      out.append(text, run, i + 1 - run);
      return i + 1;
    }
    out.append(text, run, i - run);
    if (byte == '\\') {
      const std::size_t escape_end = std::min(i + 2, text.size());
      out.append(text, i, escape_end - i);
      i = escape_end;
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
    run = i;
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
  if (compact.empty()) return;
  const auto step = static_cast<std::size_t>(indent);
  std::size_t depth = 0;
  // A line break and its indentation in one append (byte by byte, the layout was a sixth of the
  // CPU of `list --all -o json`), with the comma before it where there is one.
  static const std::string kCommaBreaks = ",\n" + std::string(kPrecomputedIndent, ' ');
  const auto new_line = [&](bool after_comma) {
    const std::size_t spaces = margin + depth * step;
    if (spaces <= kPrecomputedIndent) {
      const std::string_view breaks = kCommaBreaks;
      out.append(after_comma ? breaks.substr(0, 2 + spaces) : breaks.substr(1, 1 + spaces));
    } else {
      out.append(after_comma ? ",\n" : "\n");
      out.append(spaces, ' ');
    }
  };
  // The layout adds a line break and indentation for each member: about twice the text.
  out.reserve(out.size() + 2 * compact.size());
  // Nearly always so: three memchr over the whole text, then a memchr per string to its end
  // instead of a look at each of its bytes.
  const bool plain_strings = compact.find('\\') == std::string_view::npos &&
                             compact.find('\x7f') == std::string_view::npos &&
                             compact.find('\xc2') == std::string_view::npos;
  std::size_t i = 0;
  while (i < compact.size()) {
    const char c = compact[i];
    switch (c) {
      case '"':
        i = append_string(out, compact, i, plain_strings);
        continue;
      case '{':
      case '[':
        if (i + 1 < compact.size() && (compact[i + 1] == '}' || compact[i + 1] == ']')) {
          out.append(compact, i, 2);  // an empty object or array stays on its line
          i += 2;
          continue;
        }
        out += c;
        ++depth;
        new_line(false);
        break;
      case '}':
      case ']':
        if (depth > 0) --depth;
        new_line(false);
        out += c;
        break;
      case ',':
        new_line(true);
        break;
      case ':':
        out.append(": ");
        break;
      default: {
        // A number or a literal: copied up to the next structural character.
        const std::size_t begin = i;
        while (i < compact.size() && !kStructural[static_cast<unsigned char>(compact[i])]) ++i;
        out.append(compact, begin, i - begin);
        continue;
      }
    }
    ++i;
  }
}

}  // namespace iotc::output
