#include "emulator/group_filter.hpp"

#include <array>
#include <cctype>
#include <optional>

#include "util/ascii_case.hpp"

namespace iotc::emulator {
namespace {

enum class Kind { text, boolean, organization };

struct Property {
  std::string_view name;
  Kind kind;
  std::string_view column;  // an SQL expression over `d`
};

// Each property the emulator can evaluate, and where the devices table keeps it. $provisioned
// follows the device's behavior: an offline device never provisioned.
constexpr std::array<Property, 7> kProperties{{
    {"$id", Kind::text, "d.id"},
    {"$displayName", Kind::text, "d.display_name"},
    {"$template", Kind::text, "d.template"},
    {"$organizations", Kind::organization, "d.organizations"},
    {"$provisioned", Kind::boolean, "(d.behavior <> 'offline')"},
    {"$simulated", Kind::boolean, "d.simulated"},
    {"$enabled", Kind::boolean, "d.enabled"},
}};

struct Token {
  enum Type { word, string, symbol, end } type;
  std::string text;
  std::size_t at;  // offset in the filter
};

std::string shown(std::string_view text) {
  // Enough of the text to find it; control bytes are the emulator log's to neutralise.
  constexpr std::size_t kMax = 40;
  return "'" + std::string(text.substr(0, kMax)) + (text.size() > kMax ? "...'" : "'");
}

class Parser {
 public:
  Parser(std::string_view filter, int first_param) : text_(filter), next_param_(first_param) {
    advance();
  }

  FilterSql parse() {
    expect_word("SELECT");
    if (current_.text != "*") fail_at("only SELECT * is supported");
    advance();
    expect_word("FROM");
    if (!is_word("devices")) fail_at("only FROM devices is supported");
    advance();
    if (current_.type == Token::end) return {"1", {}};
    expect_word("WHERE");
    std::string condition = disjunction();
    if (current_.type != Token::end) fail_at("expected AND, OR or the end");
    return {condition, std::move(params_)};
  }

 private:
  [[noreturn]] void fail(const std::string& message) { throw UnsupportedFilter(message); }
  [[noreturn]] void fail_at(const std::string& message) {
    if (current_.type == Token::end) fail(message + ", found the end of the filter");
    fail(message + ", found " + shown(text_.substr(current_.at)) + " at character " +
         std::to_string(current_.at + 1));
  }

  bool is_word(std::string_view word) const {
    return current_.type == Token::word && util::iequals(current_.text, word);
  }
  void expect_word(std::string_view word) {
    if (!is_word(word)) fail_at("expected " + std::string(word));
    advance();
  }

  std::string disjunction() {
    std::string sql = conjunction();
    while (is_word("OR")) {
      advance();
      sql = "(" + sql + " OR " + conjunction() + ")";
    }
    return sql;
  }
  std::string conjunction() {
    std::string sql = comparison();
    while (is_word("AND")) {
      advance();
      sql = "(" + sql + " AND " + comparison() + ")";
    }
    return sql;
  }

  std::string comparison() {
    if (current_.type == Token::symbol && current_.text == "(") {
      if (++depth_ > kMaxDepth) fail_at("parentheses nest too deeply");
      advance();
      std::string sql = disjunction();
      if (!(current_.type == Token::symbol && current_.text == ")")) fail_at("expected ')'");
      advance();
      --depth_;
      return sql;
    }
    if (current_.type != Token::word || !current_.text.starts_with('$')) {
      fail_at("expected a property ($id, $displayName, $template, $organizations, $provisioned, "
              "$simulated or $enabled)");
    }
    const Property* property = nullptr;
    for (const auto& candidate : kProperties) {
      if (candidate.name == current_.text) property = &candidate;
    }
    if (!property) fail_at("the property is not supported");
    advance();
    if (current_.type != Token::symbol || (current_.text != "=" && current_.text != "!=")) {
      fail_at("only = and != are supported");
    }
    const bool equal = current_.text == "=";
    advance();
    const std::string param = "?" + std::to_string(next_param_++);
    if (property->kind == Kind::boolean) {
      if (!is_word("true") && !is_word("false")) fail_at(std::string(property->name) + " takes true or false");
      params_.emplace_back(std::int64_t{is_word("true") ? 1 : 0});
      advance();
      return std::string(property->column) + (equal ? " = " : " <> ") + param;
    }
    if (current_.type != Token::string) {
      fail_at(std::string(property->name) + " takes a quoted string");
    }
    params_.emplace_back(current_.text);
    advance();
    if (property->kind == Kind::organization) {
      const std::string member = "EXISTS (SELECT 1 FROM json_each(" +
                                 std::string(property->column) + ") m WHERE m.value = " + param +
                                 ")";
      return equal ? member : "NOT " + member;
    }
    return std::string(property->column) + (equal ? " = " : " <> ") + param;
  }

  void advance() {
    while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
    current_.at = pos_;
    current_.text.clear();
    if (pos_ >= text_.size()) {
      current_.type = Token::end;
      return;
    }
    const char c = text_[pos_];
    if (c == '"' || c == '\'') {
      current_.type = Token::string;
      ++pos_;
      while (pos_ < text_.size() && text_[pos_] != c) {
        if (text_[pos_] == '\\' && pos_ + 1 < text_.size()) ++pos_;
        current_.text += text_[pos_++];
      }
      if (pos_ >= text_.size()) {
        current_.type = Token::symbol;  // shown from its quote
        fail_at("a string is not closed");
      }
      ++pos_;
      return;
    }
    if (c == '!' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '=') {
      current_ = {Token::symbol, "!=", pos_};
      pos_ += 2;
      return;
    }
    if (c == '=' || c == '(' || c == ')' || c == '*') {
      current_ = {Token::symbol, std::string(1, c), pos_};
      ++pos_;
      return;
    }
    const auto word_char = [](char ch) {
      return std::isalnum(static_cast<unsigned char>(ch)) || ch == '$' || ch == '_';
    };
    if (!word_char(c)) {
      current_.type = Token::symbol;
      fail_at("unexpected character");
    }
    current_.type = Token::word;
    while (pos_ < text_.size() && word_char(text_[pos_])) current_.text += text_[pos_++];
  }

  static constexpr int kMaxDepth = 32;
  std::string_view text_;
  std::size_t pos_ = 0;
  Token current_{Token::end, {}, 0};
  int next_param_;
  int depth_ = 0;
  std::vector<std::variant<std::string, std::int64_t>> params_;
};

}  // namespace

FilterSql compile_group_filter(std::string_view filter, int first_param) {
  return Parser(filter, first_param).parse();
}

}  // namespace iotc::emulator
