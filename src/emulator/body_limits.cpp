#include "emulator/body_limits.hpp"

#include <poll.h>
#include <sys/socket.h>

#include <charconv>
#include <chrono>
#include <memory>

#include "emulator/api_error.hpp"
#include "emulator/connection.hpp"
#include "util/ascii_case.hpp"

namespace iotc::emulator {
namespace {

const std::map<std::string, std::string> kClose = {{"Connection", "close"}};

// What a lingering close reads and drops at most, and for how long.
constexpr std::size_t kLingerBytes = std::size_t{64} << 20;
constexpr int kLingerMs = 1000;

void linger(int fd) {
  if (fd < 0) return;
  ::shutdown(fd, SHUT_WR);  // the answer is out, then FIN
  char drained[16384];
  std::size_t total = 0;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(kLingerMs);
  while (total < kLingerBytes) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                    deadline - std::chrono::steady_clock::now())
                    .count();
    pollfd pfd{fd, POLLIN, 0};
    if (left <= 0 || ::poll(&pfd, 1, static_cast<int>(left)) <= 0) return;
    ssize_t n = ::recv(fd, drained, sizeof drained, MSG_DONTWAIT);
    if (n <= 0) return;  // the client closed too (or the connection broke)
    total += static_cast<std::size_t>(n);
  }
}

[[noreturn]] void too_large() {
  throw ApiError(413, codes::kPayloadTooLarge,
                 "The request body is larger than " + std::to_string(kMaxRequestBodyBytes) +
                     " bytes (" + std::to_string(kMaxDecodedBodyBytes) + " once decoded).",
                 kClose);
}

[[noreturn]] void unreadable(const std::string& why) {
  throw ApiError(400, codes::kBadRequest, "The request body cannot be read: " + why + ".", kClose);
}

}  // namespace

bool RequestBody::announced() const {
  if (req_.has_header("Transfer-Encoding")) return true;
  return req_.has_header("Content-Length") && req_.get_header_value("Content-Length") != "0";
}

const std::string& RequestBody::read() {
  if (done_) return body_;
  done_ = true;
  const bool has_length = req_.has_header("Content-Length");
  const bool has_encoding = req_.has_header("Transfer-Encoding");
  if (reader_ == nullptr || (!has_length && !has_encoding)) return body_;
  if (has_encoding) {
    // httplib reads only "chunked"; any other transfer coding would be read up to the end of
    // the connection.
    if (util::to_lower_ascii(req_.get_header_value("Transfer-Encoding")) != "chunked") {
      unreadable("the only Transfer-Encoding accepted is chunked");
    }
  } else {
    const std::string text = req_.get_header_value("Content-Length");
    std::uint64_t length = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), length);
    if (ec == std::errc::result_out_of_range) too_large();
    if (ec != std::errc() || end != text.data() + text.size()) {
      unreadable("Content-Length is not a number");
    }
    if (length > kMaxRequestBodyBytes) too_large();  // refused before a byte of it is read
    if (length == 0) return body_;
  }
  // The receiver sees the decoded bytes: the cap holds for what is kept, whatever the ratio of
  // a compressed body. Sent bytes are capped by Content-Length above, or for a chunked body
  // by the decoded cap (an encoding does not shrink data to nothing).
  bool over = false;
  bool ok = (*reader_)([&](const char* data, std::size_t size) {
    if (size > kMaxDecodedBodyBytes - body_.size()) {
      over = true;
      return false;
    }
    body_.append(data, size);
    return true;
  });
  if (over) too_large();
  if (!ok) unreadable("it was cut short, malformed, or its Content-Encoding did not decode");
  return body_;
}

bool close_requested(const httplib::Response& res) {
  return util::to_lower_ascii(res.get_header_value("Connection")) == "close";
}

void close_after_answer(const httplib::Request& req, httplib::Response& res) {
  if (res.body.empty()) return;  // no content provider runs for an empty body
  auto body = std::make_shared<std::string>(std::move(res.body));
  res.body.clear();
  std::string type = res.get_header_value("Content-Type");
  res.set_content_provider(body->size(), type.empty() ? "application/json" : type,
                           [body, &req](std::size_t, std::size_t, httplib::DataSink& sink) {
                             sink.write(body->data(), body->size());
                             linger(connection_socket(req));
                             return false;  // all sent: httplib now closes the connection
                           });
}

}  // namespace iotc::emulator
