// stream_items: what a listing has written reaches the reader before the next page is fetched,
// even through stdout's batching redaction.

#include "cli/stream_items.hpp"

#include <catch2/catch.hpp>
#include <sstream>
#include <string>

#include "cli/redacting_stream.hpp"
#include "client_fixture.hpp"

using namespace iotc::testing;

namespace {

class NeverRaised : public iotc::cli::InterruptFlag {
 public:
  bool raised() const override { return false; }
};

std::string page_of(const std::string& id, const std::string& next) {
  std::string page = R"({"value":[{"id":")" + id + R"(","status":"running"}])";
  if (!next.empty()) page += R"(,"nextLink":"https://contoso.azureiotcentral.com)" + next + "\"";
  return page + "}";
}

}  // namespace

TEST_CASE("each page's items reach the reader before the next page is asked for",
          "[stream_items]") {
  ClientFixture fixture;
  std::ostringstream reader;
  iotc::cli::RedactingStream out(
      reader, [](std::ostream& target, std::string_view text) { target << text; }, 64 * 1024);
  std::vector<std::string> seen_at_request;  // what the reader had when each page was asked for
  fixture.transport.handler = [&](const iotc::api::Request& request) {
    seen_at_request.push_back(reader.str());
    const bool second = request.url.find("p=2") != std::string::npos;
    return response(200, second ? page_of("job-2", "")
                                : page_of("job-1", "/api/jobs?api-version=2022-07-31&p=2"));
  };
  auto client = fixture.client_with(ClientFixture::contoso(iotc::model::ApiVersion::v2022_07_31));
  auto pager = client.list_jobs();
  iotc::output::RenderOptions options;
  options.format = iotc::output::Format::jsonl;
  auto writer = iotc::output::make_list_writer(out, options);
  iotc::cli::StreamRules<iotc::model::Job> rules;
  rules.out = &out;
  CHECK_FALSE(iotc::cli::stream_items(pager, *writer, NeverRaised(), rules));
  writer->finish();
  REQUIRE(seen_at_request.size() == 2);
  CHECK(seen_at_request[0].empty());
  CHECK(seen_at_request[1].find("job-1") != std::string::npos);  // page 1, before page 2 left
  CHECK(reader.str().find("job-2") != std::string::npos);
}
