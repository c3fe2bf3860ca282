#include "http_mock.hpp"

#include <utility>

namespace iotc::testing {
namespace {

class Borrowed : public api::Transport {
 public:
  explicit Borrowed(api::Transport& target) : target_(target) {}
  api::TransportResult send(const api::Request& request) override { return target_.send(request); }

 private:
  api::Transport& target_;
};

bool route_matches(const std::string& stub_path, const std::string& target) {
  if (stub_path.find('?') != std::string::npos) return stub_path == target;
  return stub_path == target.substr(0, target.find('?'));
}

}  // namespace

std::string path_and_query(const std::string& url) {
  const auto scheme = url.find("://");
  const auto start = url.find('/', scheme == std::string::npos ? 0 : scheme + 3);
  return start == std::string::npos ? "/" : url.substr(start);
}

HttpMock::Stub& HttpMock::Stub::reply(int status, std::string body, api::Headers headers) {
  api::Response response;
  response.status = status;
  response.body = std::move(body);
  response.headers = std::move(headers);
  if (!response.body.empty() && !response.headers.contains("Content-Type")) {
    response.headers.set("Content-Type", "application/json; charset=utf-8");
  }
  result_ = std::move(response);
  return *this;
}

HttpMock::Stub& HttpMock::Stub::reply(int status, const model::Json& body) {
  return reply(status, body.dump());
}

HttpMock::Stub& HttpMock::Stub::fail(api::TransportErrorKind kind) {
  result_ = api::TransportError{kind, "mock failure"};
  return *this;
}

HttpMock::Stub& HttpMock::on(std::string method, std::string path) {
  stubs_.push_back(Stub(std::move(method), std::move(path)));
  return stubs_.back();
}

HttpMock::Stub& HttpMock::otherwise(std::string method, std::string path) {
  fallbacks_.push_back(Stub(std::move(method), std::move(path)));
  return fallbacks_.back();
}

api::TransportResult HttpMock::send(const api::Request& request) {
  requests_.push_back(request);
  const std::string method(api::to_string(request.method));
  const std::string target = path_and_query(request.url);
  for (auto& stub : stubs_) {
    if (stub.used_ || stub.method_ != method || !route_matches(stub.path_, target)) continue;
    stub.used_ = true;
    return stub.result_;
  }
  for (const auto& fallback : fallbacks_) {
    if (fallback.method_ == method && route_matches(fallback.path_, target)) return fallback.result_;
  }
  unmatched_.push_back(method + " " + target);
  return api::TransportError{api::TransportErrorKind::other,
                             "no stub for " + method + " " + target};
}

std::vector<std::string> HttpMock::problems() const {
  std::vector<std::string> problems;
  for (const auto& stub : stubs_) {
    if (!stub.used_) problems.push_back("stub never used: " + stub.method_ + " " + stub.path_);
  }
  for (const auto& request : unmatched_) problems.push_back("no stub matched: " + request);
  return problems;
}

std::unique_ptr<api::Transport> HttpMock::borrow() {
  return std::make_unique<Borrowed>(*this);
}

}  // namespace iotc::testing
