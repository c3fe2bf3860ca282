#include "api/page_text.hpp"

#include <charconv>
#include <cstdint>
#include <utility>

#include "api/page_scan.hpp"
#include "model/json_text.hpp"

namespace iotc::api {
namespace {

constexpr std::string_view kHex = "0123456789abcdef";

// Appends `text` as a JSON string the way nlohmann's serializer writes it (ensure_ascii off):
// quote, backslash and C0 controls escaped (\b \t \n \f \r by name, others as lower-case \u00xx),
// everything else as it is. The parser has already checked that `text` is valid UTF-8.
void append_escaped(std::string& out, std::string_view text) {
  out += '"';
  std::size_t run = 0;  // start of the bytes not yet copied
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte >= 0x20 && byte != '"' && byte != '\\') continue;
    out.append(text, run, i - run);
    run = i + 1;
    switch (byte) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        out += "\\u00";
        out += kHex[byte >> 4];
        out += kHex[byte & 0xF];
    }
  }
  out.append(text, run, text.size() - run);
  out += '"';
}

template <typename Number>
void append_integer(std::string& out, Number value) {
  char buffer[24];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  out.append(buffer, result.ptr);
}

// nlohmann::json_sax: the page's members are looked at, the items of its "value" array are
// written out compactly as they are read.
class PageHandler {
 public:
  using number_integer_t = model::Json::number_integer_t;
  using number_unsigned_t = model::Json::number_unsigned_t;
  using number_float_t = model::Json::number_float_t;
  using string_t = model::Json::string_t;
  using binary_t = model::Json::binary_t;

  explicit PageHandler(PageText& page) : page_(page) {}

  bool null() { return scalar("null"); }
  bool boolean(bool value) { return scalar(value ? "true" : "false"); }
  bool number_integer(number_integer_t value) {
    if (value_starts()) append_integer(page_.items, value);
    return value_ended();
  }
  bool number_unsigned(number_unsigned_t value) {
    if (value_starts()) append_integer(page_.items, value);
    return value_ended();
  }
  bool number_float(number_float_t value, const string_t& /*text*/) {
    // Rare in these answers: the DOM's own shortest round-trip form, ".0" and all.
    if (value_starts()) page_.items += model::Json(value).dump();
    return value_ended();
  }
  bool string(string_t& value) {
    if (value_starts()) {
      append_escaped(page_.items, value);
    } else if (page_member_ == Member::next_link && levels_.size() == 1 && !value.empty()) {
      page_.next_link = value;
    }
    return value_ended();
  }
  bool binary(binary_t& /*value*/) { return false; }  // JSON text has none

  bool start_object(std::size_t /*elements*/) { return open(true); }
  bool end_object() { return close('}'); }
  bool start_array(std::size_t /*elements*/) { return open(false); }
  bool end_array() { return close(']'); }

  bool key(string_t& name) {
    Level& level = levels_.back();
    if (level.kind == Kind::page) return page_key(name);
    if (level.kind != Kind::item) return true;
    std::string& out = page_.items;
    if (!level.first) out += ',';
    level.first = false;
    const std::size_t start = out.size();
    append_escaped(out, name);
    const std::string_view written = std::string_view(out).substr(start);
    for (std::size_t k = level.keys_begin; k < keys_.size(); ++k) {
      if (std::string_view(out).substr(keys_[k].first, keys_[k].second) == written) return false;
    }
    keys_.emplace_back(start, written.size());
    out += ':';
    return true;
  }

  bool parse_error(std::size_t /*position*/, const std::string& /*token*/,
                   const nlohmann::detail::exception& /*error*/) {
    return false;
  }

 private:
  enum class Kind { page, value_array, item, other };
  enum class Member { value, next_link, other };
  struct Level {
    Kind kind;
    bool object;
    bool first = true;           // no member or element written yet (items only)
    std::size_t keys_begin = 0;  // this object's names in keys_ (items only)
  };

  bool page_key(const string_t& name) {
    page_member_ = name == "value"      ? Member::value
                   : name == "nextLink" ? Member::next_link
                                        : Member::other;
    // A repeated name: the DOM keeps the last value; leave that to it.
    if (page_member_ == Member::value) return !std::exchange(seen_value_, true);
    if (page_member_ == Member::next_link) return !std::exchange(seen_next_link_, true);
    return true;
  }

  // Before a value: true when it belongs to an item (and is to be written); writes the comma
  // between array elements and notes where a new item starts.
  bool value_starts() {
    if (levels_.empty()) return false;
    Level& level = levels_.back();
    if (level.kind == Kind::value_array) return true;
    if (level.kind != Kind::item) return false;
    if (!level.object) {
      if (!level.first) page_.items += ',';
      level.first = false;
    }
    return true;
  }
  // After a value: a value directly in the "value" array is a whole item.
  bool value_ended() {
    if (!levels_.empty() && levels_.back().kind == Kind::value_array) {
      page_.ends.push_back(page_.items.size());
    }
    return true;
  }
  bool scalar(std::string_view text) {
    if (value_starts()) page_.items += text;
    return value_ended();
  }

  bool open(bool object) {
    if (levels_.size() >= model::kMaxJsonDepth) return false;  // the DOM parse reports it
    Kind kind = Kind::other;
    if (value_starts()) {
      kind = Kind::item;
      page_.items += object ? '{' : '[';
    } else if (levels_.empty()) {
      kind = object ? Kind::page : Kind::other;
    } else if (levels_.back().kind == Kind::page && page_member_ == Member::value && !object) {
      kind = Kind::value_array;
      page_.is_page = true;
    }
    levels_.push_back({kind, object, true, keys_.size()});
    return true;
  }
  bool close(char bracket) {
    const Level level = levels_.back();
    levels_.pop_back();
    if (level.kind == Kind::item) {
      page_.items += bracket;
      keys_.resize(level.keys_begin);
      return value_ended();
    }
    return true;
  }

  PageText& page_;
  std::vector<Level> levels_;
  // (offset, length) in page_.items of the names of the item objects now open, innermost last.
  std::vector<std::pair<std::size_t, std::size_t>> keys_;
  Member page_member_ = Member::other;
  bool seen_value_ = false;
  bool seen_next_link_ = false;
};

}  // namespace

std::optional<PageText> read_page_text(std::string_view body) {
  if (auto simple = read_simple_page_text(body)) return simple;
  PageText page;
  PageHandler handler(page);
  if (!model::Json::sax_parse(body.data(), body.data() + body.size(), &handler)) {
    return std::nullopt;
  }
  return page;
}

PageText page_text_of(const model::Json& page, bool with_items) {
  PageText text;
  if (!page.is_object()) return text;
  if (const auto value = page.find("value"); value != page.end() && value->is_array()) {
    text.is_page = true;
    for (const auto& item : with_items ? *value : model::Json::array()) {
      text.items += item.dump(-1, ' ', false, model::Json::error_handler_t::replace);
      text.ends.push_back(text.items.size());
    }
  }
  if (const auto link = page.find("nextLink"); link != page.end() && link->is_string()) {
    if (const auto& value = link->get_ref<const std::string&>(); !value.empty()) {
      text.next_link = value;
    }
  }
  return text;
}

}  // namespace iotc::api
