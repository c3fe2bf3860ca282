#pragma once
// A stream that passes what is written to another stream in whole lines, each batch redacted
// first: the token in no output, stdout included (a hostile service may put it into a job's
// name, which `show` prints). Text is held until its '\n' (or a flush), so that a secret is seen
// whole; a failed write below fails this stream too, so that stdout checks still see it.

#include <cstddef>
#include <functional>
#include <ostream>
#include <streambuf>
#include <string>
#include <string_view>

namespace iotc::cli {

// Writes text to a stream, redacted.
using RedactFunction = std::function<void(std::ostream&, std::string_view)>;

class RedactingBuffer : public std::streambuf {
 public:
  // `batch`: complete lines are held until this many bytes are (0: each line goes at once).
  // Stdout batches, as its own buffer would anyway: a long listing is then redacted in a few
  // large pieces instead of one call per item. Stderr does not, so that a message shows at once.
  RedactingBuffer(std::ostream& target, RedactFunction redact, std::size_t batch)
      : target_(target), redact_(std::move(redact)), batch_(batch) {}

 protected:
  int_type overflow(int_type c) override;
  std::streamsize xsputn(const char* data, std::streamsize count) override;
  int sync() override;

 private:
  bool write_lines(bool all);  // the complete lines held, or all of it
  std::ostream& target_;
  RedactFunction redact_;
  std::size_t batch_;
  std::string held_;
  std::size_t lines_end_ = 0;  // just after the last line break in held_ (0: none)
};

class RedactingStream : public std::ostream {
 public:
  RedactingStream(std::ostream& target, RedactFunction redact, std::size_t batch = 0)
      : std::ostream(nullptr), buffer_(target, std::move(redact), batch) {
    rdbuf(&buffer_);
  }

 private:
  RedactingBuffer buffer_;
};

}  // namespace iotc::cli
