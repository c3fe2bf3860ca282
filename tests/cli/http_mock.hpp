#pragma once
// A route-keyed fake transport, after gh's pkg/httpmock registry: a test registers one answer per
// expected request (method + path), the command runs, and problems() names every stub that was
// never used and every request that no stub answered.
//
// Stubs of one route answer in the order they were registered, each once: a poll that GETs the
// same job three times needs three stubs, which is the point (the test says what it expects).

#include <deque>
#include <memory>
#include <string>
#include <vector>

#include "api/transport.hpp"
#include "model/job.hpp"

namespace iotc::testing {

class HttpMock : public api::Transport {
 public:
  class Stub {
   public:
    // The answer: a status and a body (JSON as text, or nothing), and headers.
    Stub& reply(int status, std::string body = {}, api::Headers headers = {});
    Stub& reply(int status, const model::Json& body);
    // No HTTP answer at all: a transport failure such as a timeout or a refused connection.
    Stub& fail(api::TransportErrorKind kind);

   private:
    friend class HttpMock;
    Stub(std::string method, std::string path)
        : method_(std::move(method)), path_(std::move(path)) {}
    std::string method_;
    std::string path_;  // with a '?', the query must match too
    api::TransportResult result_ = api::TransportError{api::TransportErrorKind::other, "no reply"};
    bool used_ = false;
  };

  // One answer for `method` (GET, PUT, POST, ...) `path` ("/api/jobs/job-1"). A path without
  // '?' matches whatever the query; one with '?' matches the path and query exactly.
  Stub& on(std::string method, std::string path);
  // An answer for any number of requests that no stub of on() matches, never reported unused:
  // for the lookups a command may make beside its work (a job table's group names).
  Stub& otherwise(std::string method, std::string path);

  api::TransportResult send(const api::Request& request) override;

  // Stubs never used and requests no stub matched, one line each; empty when all went as
  // registered.
  std::vector<std::string> problems() const;

  // Every request sent, in order.
  const std::vector<api::Request>& requests() const { return requests_; }

  // A Transport for a Context to own that forwards to this mock (which the test keeps).
  std::unique_ptr<api::Transport> borrow();

 private:
  std::deque<Stub> stubs_;
  std::deque<Stub> fallbacks_;  // a deque: on() hands out references that must stay valid
  std::vector<api::Request> requests_;
  std::vector<std::string> unmatched_;
};

// The path and query of an absolute URL: "/api/jobs?api-version=2022-07-31".
std::string path_and_query(const std::string& url);

}  // namespace iotc::testing
