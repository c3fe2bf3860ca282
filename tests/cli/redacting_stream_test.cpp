// RedactingStream: what reaches the real stream, and when. Each batch is redacted whole, so a
// secret written in pieces is still found.

#include <catch2/catch.hpp>
#include <sstream>
#include <string>

#include "cli/redacting_stream.hpp"

using iotc::cli::RedactingStream;

namespace {

void hide_secret(std::ostream& target, std::string_view text) {
  std::string out(text);
  for (std::size_t at; (at = out.find("SECRET")) != std::string::npos;) out.replace(at, 6, "***");
  target << out;
}

}  // namespace

TEST_CASE("without a batch each line goes on as soon as it is complete", "[redacting_stream]") {
  std::ostringstream target;
  RedactingStream stream(target, hide_secret);
  stream << "one SEC";
  CHECK(target.str().empty());  // held: the line is not complete
  stream << "RET\ntwo";
  CHECK(target.str() == "one ***\n");
  stream.flush();
  CHECK(target.str() == "one ***\ntwo");
}

TEST_CASE("with a batch whole lines are held until there are enough of them",
          "[redacting_stream]") {
  std::ostringstream target;
  RedactingStream stream(target, hide_secret, 16);
  stream << "a SECRET\n";  // 9 bytes
  CHECK(target.str().empty());
  stream << "b\nSECR";  // 15 bytes: still under the batch
  CHECK(target.str().empty());
  stream << "ET c";  // 19 bytes: the complete lines go, the rest waits for its line break
  CHECK(target.str() == "a ***\nb\n");
  for (const char c : std::string(" d\n")) stream << c;  // a byte at a time: 11 bytes held
  CHECK(target.str() == "a ***\nb\n");
  stream << "e and more\n";
  CHECK(target.str() == "a ***\nb\n*** c d\ne and more\n");
  stream << "tail";
  stream.flush();
  CHECK(target.str() == "a ***\nb\n*** c d\ne and more\ntail");
}

TEST_CASE("a failed write below fails the redacting stream", "[redacting_stream]") {
  std::ostringstream target;
  target.setstate(std::ios::badbit);
  RedactingStream stream(target, hide_secret, 4);
  stream << "line\n" << std::flush;
  CHECK(stream.fail());
}
