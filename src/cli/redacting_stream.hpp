#pragma once
// A stream that passes what is written to another stream line by line, each line redacted
// first: the token in no output, stdout included (a hostile service may put it into a job's
// name, which `show` prints). Lines are held until their '\n' or a flush, so that a secret is
// seen whole; a failed write below fails this stream too, so that stdout checks still see it.

#include <functional>
#include <ostream>
#include <streambuf>
#include <string>
#include <string_view>

namespace iotc::cli {

using RedactFunction = std::function<std::string(std::string_view)>;

class RedactingBuffer : public std::streambuf {
 public:
  RedactingBuffer(std::ostream& target, RedactFunction redact)
      : target_(target), redact_(std::move(redact)) {}

 protected:
  int_type overflow(int_type c) override;
  std::streamsize xsputn(const char* data, std::streamsize count) override;
  int sync() override;

 private:
  bool write_lines(bool all);  // the complete lines held, or all of it
  std::ostream& target_;
  RedactFunction redact_;
  std::string held_;
};

class RedactingStream : public std::ostream {
 public:
  RedactingStream(std::ostream& target, RedactFunction redact)
      : std::ostream(nullptr), buffer_(target, std::move(redact)) {
    rdbuf(&buffer_);
  }

 private:
  RedactingBuffer buffer_;
};

}  // namespace iotc::cli
