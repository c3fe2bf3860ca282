#include "api/page_scan.hpp"

// The common case of read_page_text() without nlohmann's lexer, which reads one character at a
// time and costs most of a long listing's CPU: ASCII strings with simple escapes, plain
// integers, literals and structure, copied in runs. Anything else (a \u escape, a byte >= 0x80,
// a fraction or exponent, -0, a repeated name, any error) gives nullopt, and the full SAX pass,
// which stays the reference, reads the page.

#include <array>
#include <cstdint>
#include <cstring>

#include "model/json_text.hpp"

namespace iotc::api {
namespace {

// Integers of at most this many digits fit an int64 whatever they are.
constexpr std::size_t kMaxPlainDigits = 18;

// Bytes copied as they are inside a string: printable ASCII and DEL, but not '"' or '\'.
constexpr std::array<bool, 256> kPlain = [] {
  std::array<bool, 256> plain{};
  for (int byte = 0x20; byte <= 0x7F; ++byte) plain[byte] = byte != '"' && byte != '\\';
  return plain;
}();

// True when every byte of `text` is printable ASCII or DEL (0x20..0x7F). Eight bytes at a time:
// for a word w, (w - 0x2020..20) & ~w has a byte's high bit set where the byte is below 0x20
// (and possibly above such a byte, never alone), and w itself where it is 0x80 or more.
bool printable_ascii(std::string_view text) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  constexpr std::uint64_t kHighs = 0x8080808080808080ULL;
  std::uint64_t outside = 0;
  std::size_t at = 0;
  for (; at + sizeof outside <= text.size(); at += sizeof outside) {
    std::uint64_t word;
    std::memcpy(&word, text.data() + at, sizeof word);
    outside |= ((word - kOnes * 0x20) & ~word) | word;
  }
  for (; at < text.size(); ++at) {
    const auto byte = static_cast<unsigned char>(text[at]);
    if (byte < 0x20 || byte >= 0x80) return false;
  }
  return (outside & kHighs) == 0;
}

// Items are copied from the page in runs: `copied_` marks where the text not yet in `out_`
// begins, and only what the compact text leaves out (whitespace, the '\' of "\/") ends a run.
// A service's compact page thus becomes one append per item.
class PageScanner {
 public:
  PageScanner(std::string_view text, PageText& page)
      : s_(text),
        page_(page),
        out_(page.items),
        plain_strings_(printable_ascii(text) && text.find('\\') == std::string_view::npos) {}

  bool page() {
    skip_space();
    if (!take('{')) return false;
    bool seen_value = false;
    bool seen_link = false;
    skip_space();
    if (take('}')) return end();
    while (true) {
      skip_space();
      std::string_view name;
      if (!string(&name)) return false;
      skip_space();
      if (!take(':')) return false;
      skip_space();
      if (name == "value") {
        if (std::exchange(seen_value, true) || !items()) return false;
      } else if (name == "nextLink") {
        if (std::exchange(seen_link, true)) return false;
        if (peek() == '"') {
          std::string_view link;
          if (!string(&link) || link.find('\\') != std::string_view::npos) return false;
          if (!link.empty()) page_.next_link = std::string(link);
        } else if (!value(1)) {
          return false;
        }
      } else if (!value(1)) {
        return false;
      }
      skip_space();
      if (take('}')) break;
      if (!take(',')) return false;
    }
    // A page whose "value" is missing or not an array is left to the full pass.
    return seen_value && end();
  }

 private:
  static bool is_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }
  char peek() const { return i_ < s_.size() ? s_[i_] : '\0'; }
  bool take(char c) {
    if (peek() != c) return false;
    ++i_;
    return true;
  }
  void skip_space() {
    if (i_ >= s_.size() || !is_space(s_[i_])) return;
    copy_up_to(i_);
    while (i_ < s_.size() && is_space(s_[i_])) ++i_;
    copied_ = i_;
  }
  bool end() {
    skip_space();
    return i_ == s_.size();
  }
  // Inside an item: the text from `copied_` to `at` into `out_`.
  void copy_up_to(std::size_t at) {
    if (in_item_) out_.append(s_, copied_, at - copied_);
    copied_ = at;
  }

  // The page's "value" array: each element is an item, written out.
  bool items() {
    if (!take('[')) return false;
    page_.is_page = true;
    skip_space();
    if (take(']')) return true;
    while (true) {
      skip_space();
      copied_ = i_;
      in_item_ = true;
      if (!value(2)) return false;
      copy_up_to(i_);
      in_item_ = false;
      page_.ends.push_back(out_.size());
      skip_space();
      if (take(']')) return true;
      if (!take(',')) return false;
    }
  }

  // A value inside `depth` containers.
  bool value(std::size_t depth) {
    switch (peek()) {
      case '{':
        return object(depth + 1);
      case '[':
        return array(depth + 1);
      case '"':
        return string(nullptr);
      case 't':
        return literal("true");
      case 'f':
        return literal("false");
      case 'n':
        return literal("null");
      default:
        return integer();
    }
  }

  bool object(std::size_t depth) {
    if (depth > model::kMaxJsonDepth) return false;
    ++i_;
    skip_space();
    if (take('}')) return true;
    const std::size_t names_begin = names_.size();
    while (true) {
      skip_space();
      std::string_view name;
      if (!string(&name)) return false;
      if (in_item_) {
        // Names are compared as written: one with an escape is left to the full pass, which
        // compares them decoded.
        if (name.find('\\') != std::string_view::npos) return false;
        for (std::size_t k = names_begin; k < names_.size(); ++k) {
          if (names_[k] == name) return false;
        }
        names_.push_back(name);
      }
      skip_space();
      if (!take(':')) return false;
      skip_space();
      if (!value(depth)) return false;
      skip_space();
      if (take('}')) break;
      if (!take(',')) return false;
    }
    names_.resize(names_begin);
    return true;
  }

  bool array(std::size_t depth) {
    if (depth > model::kMaxJsonDepth) return false;
    ++i_;
    skip_space();
    if (take(']')) return true;
    while (true) {
      skip_space();
      if (!value(depth)) return false;
      skip_space();
      if (take(']')) return true;
      if (!take(',')) return false;
    }
  }

  // A string at the opening quote. `raw` gets its text between the quotes as written.
  bool string(std::string_view* raw) {
    if (!take('"')) return false;
    const std::size_t begin = i_;
    if (!(plain_strings_ ? to_quote() : to_quote_past_escapes())) return false;
    if (raw) *raw = s_.substr(begin, i_ - begin);
    ++i_;
    return true;
  }

  // From inside a string to its closing quote, in a page with no backslash (plain_strings_).
  bool to_quote() {
    i_ = s_.find('"', i_);
    return i_ != std::string_view::npos;
  }

  // The same in any page: escapes are read, and a control or non-ASCII byte is left to the full
  // pass.
  bool to_quote_past_escapes() {
    while (true) {
      while (i_ < s_.size() && kPlain[static_cast<unsigned char>(s_[i_])]) ++i_;
      if (i_ >= s_.size()) return false;
      const char c = s_[i_];
      if (c == '"') return true;
      if (c != '\\' || i_ + 1 >= s_.size()) return false;
      const char escaped = s_[i_ + 1];
      if (escaped == '/') {
        copy_up_to(i_);  // the DOM writes '/' as it is: the backslash is left out
        copied_ = i_ + 1;
      } else if (escaped == '\0' || std::strchr("\"\\bfnrt", escaped) == nullptr) {
        return false;  // \u: left to the full pass
      }
      i_ += 2;
    }
  }

  bool literal(std::string_view word) {
    if (s_.substr(i_, word.size()) != word) return false;
    i_ += word.size();
    return true;
  }

  // -?(0|[1-9][0-9]*) with no fraction or exponent, short enough for int64, and not -0.
  bool integer() {
    const std::size_t begin = i_;
    take('-');
    const std::size_t digits = i_;
    while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9') ++i_;
    const std::size_t count = i_ - digits;
    if (count == 0 || count > kMaxPlainDigits) return false;
    if (s_[digits] == '0' && (count > 1 || digits > begin)) return false;  // 01, -0
    const char next = peek();
    return next != '.' && next != 'e' && next != 'E';
  }

  std::string_view s_;
  std::size_t i_ = 0;
  PageText& page_;
  std::string& out_;
  // The page has no control byte, no byte of a non-ASCII character and no backslash.
  bool plain_strings_;
  bool in_item_ = false;    // reading an item of "value", which goes to out_
  std::size_t copied_ = 0;  // in an item: where the text not yet in out_ begins
  // The names of the item objects now open, innermost last, as written in the page.
  std::vector<std::string_view> names_;
};

}  // namespace

std::optional<PageText> read_simple_page_text(std::string_view body) {
  PageText page;
  // The items' text is never longer than the page: one allocation instead of a dozen copies.
  page.items.reserve(body.size());
  if (!PageScanner(body, page).page()) return std::nullopt;
  return page;
}

}  // namespace iotc::api
