#include "api/page_scan.hpp"

// The common case of read_page_text() without nlohmann's lexer, which reads one character at a
// time and costs most of a long listing's CPU: ASCII strings with simple escapes, plain
// integers, literals and structure, copied in runs. Anything else (a \u escape, a byte >= 0x80,
// a fraction or exponent, -0, a repeated name, any error) gives nullopt, and the full SAX pass,
// which stays the reference, reads the page.

#include <array>
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

class PageScanner {
 public:
  PageScanner(std::string_view text, PageText& page) : s_(text), page_(page), out_(page.items) {}

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
      if (!string(false, &name)) return false;
      skip_space();
      if (!take(':')) return false;
      skip_space();
      if (name == "value") {
        if (std::exchange(seen_value, true) || !items()) return false;
      } else if (name == "nextLink") {
        if (std::exchange(seen_link, true)) return false;
        if (peek() == '"') {
          std::string_view link;
          if (!string(false, &link) || link.find('\\') != std::string_view::npos) return false;
          if (!link.empty()) page_.next_link = std::string(link);
        } else if (!value(1, false)) {
          return false;
        }
      } else if (!value(1, false)) {
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
  char peek() const { return i_ < s_.size() ? s_[i_] : '\0'; }
  bool take(char c) {
    if (peek() != c) return false;
    ++i_;
    return true;
  }
  void skip_space() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\r' || s_[i_] == '\t'))
      ++i_;
  }
  bool end() {
    skip_space();
    return i_ == s_.size();
  }

  // The page's "value" array: each element is an item, written out.
  bool items() {
    if (!take('[')) return false;
    page_.is_page = true;
    skip_space();
    if (take(']')) return true;
    while (true) {
      skip_space();
      if (!value(2, true)) return false;
      page_.ends.push_back(out_.size());
      skip_space();
      if (take(']')) return true;
      if (!take(',')) return false;
    }
  }

  // A value inside `depth` containers; written out when `emit`.
  bool value(std::size_t depth, bool emit) {
    switch (peek()) {
      case '{':
        return object(depth + 1, emit);
      case '[':
        return array(depth + 1, emit);
      case '"':
        return string(emit, nullptr);
      case 't':
        return literal("true", emit);
      case 'f':
        return literal("false", emit);
      case 'n':
        return literal("null", emit);
      default:
        return integer(emit);
    }
  }

  bool object(std::size_t depth, bool emit) {
    if (depth > model::kMaxJsonDepth) return false;
    ++i_;
    if (emit) out_ += '{';
    skip_space();
    if (take('}')) return close('}', emit);
    const std::size_t keys_begin = keys_.size();
    while (true) {
      skip_space();
      const std::size_t start = out_.size();
      if (!string(emit, nullptr)) return false;
      if (emit) {
        const std::string_view name = std::string_view(out_).substr(start);
        for (std::size_t k = keys_begin; k < keys_.size(); ++k) {
          if (std::string_view(out_).substr(keys_[k].first, keys_[k].second) == name) return false;
        }
        keys_.emplace_back(start, name.size());
      }
      skip_space();
      if (!take(':')) return false;
      if (emit) out_ += ':';
      skip_space();
      if (!value(depth, emit)) return false;
      skip_space();
      if (take('}')) break;
      if (!take(',')) return false;
      if (emit) out_ += ',';
    }
    keys_.resize(keys_begin);
    return close('}', emit);
  }

  bool array(std::size_t depth, bool emit) {
    if (depth > model::kMaxJsonDepth) return false;
    ++i_;
    if (emit) out_ += '[';
    skip_space();
    if (take(']')) return close(']', emit);
    while (true) {
      skip_space();
      if (!value(depth, emit)) return false;
      skip_space();
      if (take(']')) break;
      if (!take(',')) return false;
      if (emit) out_ += ',';
    }
    return close(']', emit);
  }

  bool close(char bracket, bool emit) {
    if (emit) out_ += bracket;
    return true;
  }

  // A string at the opening quote. `raw` gets its text between the quotes as written.
  bool string(bool emit, std::string_view* raw) {
    if (!take('"')) return false;
    const std::size_t begin = i_;
    if (emit) out_ += '"';
    while (true) {
      const std::size_t run = i_;
      while (i_ < s_.size() && kPlain[static_cast<unsigned char>(s_[i_])]) ++i_;
      if (emit) out_.append(s_, run, i_ - run);
      if (i_ >= s_.size()) return false;
      const char c = s_[i_];
      if (c == '"') break;
      if (c != '\\' || i_ + 1 >= s_.size()) return false;  // a control or non-ASCII byte
      const char escaped = s_[i_ + 1];
      i_ += 2;
      if (escaped == '/') {
        if (emit) out_ += '/';  // the DOM writes '/' as it is
      } else if (std::strchr("\"\\bfnrt", escaped) != nullptr && escaped != '\0') {
        if (emit) {
          out_ += '\\';
          out_ += escaped;
        }
      } else {
        return false;  // \u: left to the full pass
      }
    }
    if (raw) *raw = s_.substr(begin, i_ - begin);
    ++i_;
    if (emit) out_ += '"';
    return true;
  }

  bool literal(std::string_view word, bool emit) {
    if (s_.substr(i_, word.size()) != word) return false;
    i_ += word.size();
    if (emit) out_ += word;
    return true;
  }

  // -?(0|[1-9][0-9]*) with no fraction or exponent, short enough for int64, and not -0.
  bool integer(bool emit) {
    const std::size_t begin = i_;
    take('-');
    const std::size_t digits = i_;
    while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9') ++i_;
    const std::size_t count = i_ - digits;
    if (count == 0 || count > kMaxPlainDigits) return false;
    if (s_[digits] == '0' && (count > 1 || digits > begin)) return false;  // 01, -0
    const char next = peek();
    if (next == '.' || next == 'e' || next == 'E') return false;
    if (emit) out_.append(s_, begin, i_ - begin);
    return true;
  }

  std::string_view s_;
  std::size_t i_ = 0;
  PageText& page_;
  std::string& out_;
  // (offset, length) in out_ of the names of the item objects now open, innermost last.
  std::vector<std::pair<std::size_t, std::size_t>> keys_;
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
