#pragma once
// A Client over the fakes, as every api test builds one: a clock that moves only when told, a
// scripted transport, jitter fixed at 0.5, and a tracer writing into `trace`.

#include <sstream>
#include <utility>

#include "api/client.hpp"
#include "fakes.hpp"

namespace iotc::testing {

struct ClientFixture {
  FakeClock clock;
  FakeTransport transport{&clock};
  std::ostringstream trace;
  api::Tracer tracer;

  explicit ClientFixture(api::TraceLevel level = api::TraceLevel::off) : tracer(trace, level) {}

  api::Client client_with(api::ClientOptions options) {
    return api::Client(
        std::move(options), transport, clock, [] { return 0.5; }, tracer);
  }

  // Options for the documentation's app (contoso) in `version`, with nothing else set.
  static api::ClientOptions contoso(model::ApiVersion version) {
    api::ClientOptions options;
    options.base_url = "https://contoso.azureiotcentral.com";
    options.api_version = version;
    return options;
  }
};

}  // namespace iotc::testing
