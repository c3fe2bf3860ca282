// Fuzz target: the API client reading whatever a service (or a proxy, or an attacker on the
// path) answers. The first byte picks the HTTP status, the second the base URL and whether the
// answer carries a Retry-After; the rest is the body of the first answer of every call (later
// pages are empty). Every call runs: get_job, list_jobs and job_devices and list_device_groups
// to the end, stop_job. The invariants:
//   - a call returns or throws an iotc::Error (mapped to an exit code in main), nothing else;
//   - no request ever leaves the configured origin, whatever nextLink says;
//   - the token appears in no message and no --debug trace, unless the answer itself carried it
//     (a service or proxy that echoes the request: see docs/hardening.md).

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "api/client.hpp"
#include "api/url.hpp"
#include "errors.hpp"
#include "fuzz_check.hpp"

namespace iotc::testing {
namespace {

constexpr std::string_view kToken = "c4n4ry-t0ken-fuzz-0123456789abcdef";
constexpr int kStatuses[] = {200, 200, 200, 200, 204, 301, 400, 401,
                             403, 404, 412, 422, 429, 500, 502, 503};
// A pager that never ends would be a bug, but the fuzzer must not hang on it.
constexpr int kMaxItemsPerCall = 1000;

class InstantClock : public api::Clock {
 public:
  time_point now() const override { return now_; }
  std::chrono::system_clock::time_point wall_now() const override {
    return std::chrono::system_clock::time_point(std::chrono::hours(24 * 365 * 56));
  }
  void sleep_for(std::chrono::milliseconds duration) override { now_ += duration; }

 private:
  time_point now_{std::chrono::hours(1000)};
};

// Answers the first request of a call with the fuzz input and every later one with an empty
// last page, and checks where each request goes.
class FuzzTransport : public api::Transport {
 public:
  FuzzTransport(api::Response first, api::Url origin)
      : first_(std::move(first)), origin_(std::move(origin)) {}
  void new_call() { requests_in_call_ = 0; }

  api::TransportResult send(const api::Request& request) override {
    const auto url = api::parse_url(request.url);
    FUZZ_CHECK(url && api::same_origin(*url, origin_), "a request went to " + request.url);
    if (requests_in_call_++ == 0) return first_;
    api::Response last_page;
    last_page.status = 200;
    last_page.body = R"({"value":[]})";
    return last_page;
  }

 private:
  api::Response first_;
  api::Url origin_;
  int requests_in_call_ = 0;
};

void check_message(std::string_view message, bool echoed) {
  FUZZ_CHECK(echoed || message.find(kToken) == std::string_view::npos,
             "the token leaked into: " + std::string(message));
}

template <typename Call>
void run_call(FuzzTransport& transport, bool echoed, Call&& call) {
  transport.new_call();
  try {
    call();
  } catch (const Error& error) {
    check_message(error.what(), echoed);
  }
}

template <typename Pager>
void drain(Pager pager) {
  for (int items = 0; items < kMaxItemsPerCall && pager.next(); ++items) {
  }
}

// The pages read without a DOM (RawPager::next_text, for -o json and jsonl) give exactly the
// DOM's items dumped, and fail where the DOM read fails, with the same message.
void check_text_items(FuzzTransport& transport, api::Client& client, bool echoed) {
  const auto read = [&](bool as_text) {
    std::vector<std::string> items;
    transport.new_call();
    try {
      auto pager = client.job_devices("j1");
      for (int i = 0; i < kMaxItemsPerCall; ++i) {
        if (as_text) {
          const auto text = pager.next_text();
          if (!text) break;
          items.emplace_back(*text);
        } else {
          const auto item = pager.next();
          if (!item) break;
          items.push_back(item->raw.dump(-1, ' ', false, model::Json::error_handler_t::replace));
        }
      }
    } catch (const Error& error) {
      check_message(error.what(), echoed);
      items.push_back(std::string("error: ") + error.what());
    }
    return items;
  };
  FUZZ_CHECK(read(true) == read(false), "next_text() and next() disagree");
}

void run(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return;
  api::Response first;
  first.status = kStatuses[data[0] % std::size(kStatuses)];
  first.body.assign(reinterpret_cast<const char*>(data + 2), size - 2);
  if (data[1] & 1)
    first.headers.add("Retry-After", (data[1] & 2) ? "1" : "Fri, 01 Jan 2100 00:00:00 GMT");
  first.headers.add("x-ms-error-code", "FuzzedError");
  const std::string base =
      (data[1] & 4) ? "http://127.0.0.1:8080" : "https://app.azureiotcentral.com";

  FuzzTransport transport(first, *api::parse_url(base));
  InstantClock clock;
  std::ostringstream trace;
  api::Tracer tracer(trace, api::TraceLevel::debug);
  api::ClientOptions options;
  options.base_url = base;
  options.authorization = "Bearer " + std::string(kToken);
  options.token_origin = "IOTC_API_TOKEN";
  options.request_id = "fuzz";
  options.retry.max_retries = 2;
  api::Client client(
      options, transport, clock, [] { return 0.5; }, tracer);

  const bool echoed = first.body.find(kToken) != std::string::npos;
  run_call(transport, echoed, [&] { (void)client.get_job("j1"); });
  run_call(transport, echoed, [&] { drain(client.list_jobs()); });
  run_call(transport, echoed, [&] { drain(client.job_devices("j1")); });
  run_call(transport, echoed, [&] { drain(client.list_device_groups()); });
  run_call(transport, echoed, [&] { client.stop_job("j1"); });
  check_text_items(transport, client, echoed);
  // The trace knows the token (Tracer::add_secret) and scrubs it even from an echoed body.
  check_message(trace.str(), false);
}

}  // namespace
}  // namespace iotc::testing

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    iotc::testing::run(data, size);
  } catch (const std::exception& error) {
    FUZZ_CHECK(false, std::string("the client threw a non-iotc error: ") + error.what());
  }
  return 0;
}
