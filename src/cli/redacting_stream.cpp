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
  held_.append(data, static_cast<std::size_t>(count));
  const bool line_done =
      std::string_view(data, static_cast<std::size_t>(count)).find('\n') != std::string_view::npos;
  if ((line_done || held_.size() > kMaxHeld) && !write_lines(held_.size() > kMaxHeld)) return 0;
  return count;
}

int RedactingBuffer::sync() {
  if (!write_lines(true)) return -1;
  target_.flush();
  return target_.fail() ? -1 : 0;
}

bool RedactingBuffer::write_lines(bool all) {
  const std::size_t end = all ? held_.size() : held_.rfind('\n') + 1;
  if (end == 0) return true;  // no complete line yet (rfind's npos + 1 wraps to 0)
  target_ << redact_(std::string_view(held_).substr(0, end));
  held_.erase(0, end);
  return !target_.fail();
}

}  // namespace iotc::cli
