#include "cli/redacting_stream.hpp"

namespace iotc::cli {
namespace {

// Held text beyond this is written even without a line break: one huge line (a whole JSON
// document) must not be held in memory twice over. A secret split at this boundary would need a
// token longer than this, which the token reader refuses.
constexpr std::size_t kMaxHeld = 1 << 20;

}  // namespace

RedactingBuffer::int_type RedactingBuffer::overflow(int_type c) {
  if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
  const char byte = traits_type::to_char_type(c);
  return xsputn(&byte, 1) == 1 ? c : traits_type::eof();
}

std::streamsize RedactingBuffer::xsputn(const char* data, std::streamsize count) {
  const std::string_view added(data, static_cast<std::size_t>(count));
  // Only the new text is searched: one long line written a byte at a time stays linear.
  if (const auto line_break = added.rfind('\n'); line_break != std::string_view::npos) {
    lines_end_ = held_.size() + line_break + 1;
  }
  held_.append(added);
  const bool too_much = held_.size() > kMaxHeld;
  if (((lines_end_ > 0 && held_.size() >= batch_) || too_much) && !write_lines(too_much)) {
    return 0;
  }
  return count;
}

int RedactingBuffer::sync() {
  if (!write_lines(true)) return -1;
  target_.flush();
  return target_.fail() ? -1 : 0;
}

bool RedactingBuffer::write_lines(bool all) {
  const std::size_t end = all ? held_.size() : lines_end_;
  if (end == 0) return true;
  redact_(target_, std::string_view(held_).substr(0, end));
  held_.erase(0, end);
  lines_end_ = 0;  // what is left holds no line break: `end` was the last one, or the end
  return !target_.fail();
}

}  // namespace iotc::cli
