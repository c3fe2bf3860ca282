// Pages read without a DOM (api/page_text.hpp, RawPager::next_text): every item's text must be
// exactly what the DOM parse followed by Json::dump() gives, and every page the DOM parse
// refuses must be refused the same way.

#include "api/page_scan.hpp"
#include "api/page_text.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "api/client.hpp"
#include "errors.hpp"
#include "fakes.hpp"
#include "model/json_text.hpp"

using iotc::api::page_text_of;
using iotc::api::PageText;
using iotc::api::read_page_text;
using iotc::model::Json;

namespace {

// What the DOM makes of `body`: the reference read_page_text must match.
PageText reference(const std::string& body) {
  return page_text_of(Json::parse(body));
}

std::vector<std::string> items_of(const PageText& page) {
  std::vector<std::string> items;
  for (std::size_t i = 0; i < page.size(); ++i) items.emplace_back(page.item(i));
  return items;
}

void check_same(const std::optional<PageText>& read, const PageText& expected) {
  REQUIRE(read);
  CHECK(items_of(*read) == items_of(expected));
  CHECK(read->next_link == expected.next_link);
  CHECK(read->is_page == expected.is_page);
}

// Both readers: the full one always, the one for the common case when it takes the page.
void check_same_as_dom(const std::string& body) {
  INFO(body);
  const PageText expected = reference(body);
  check_same(read_page_text(body), expected);
  if (const auto simple = iotc::api::read_simple_page_text(body)) check_same(simple, expected);
}

}  // namespace

TEST_CASE("a page's items come out as the DOM would dump them", "[page_text]") {
  const std::vector<std::string> bodies = {
      // nested objects and arrays, unknown members, nextLink after value
      R"({"value": [ {"id": "j1", "data": [{"type": "PropertyJobData", "path": "t",
          "value": {"a": [1, [2, {}], []], "b": {"c": {"d": null}}}}], "x-extra": true},
          {"id": "j2"} ], "nextLink": "https://a.example/api/jobs?skip=2", "x": {"y": [1]}})",
      // nextLink before value, strings holding braces, brackets, commas, colons, escaped quotes
      R"({"nextLink":"n","value":[{"s":"{[}],:\" \\ \/ done","t":"\"{\"","k{":"v]"}]})",
      // unicode escapes (a surrogate pair, NUL, C0, DEL, C1), raw UTF-8, named escapes
      R"({"value":[{"u":"\u00e9\ud83d\ude00\u0000\u001f\u007f\u0085 é 日本 \b\f\n\r\t"}]})",
      R"({"value":[{"\u0041\n":"key with escapes","é":"raw key"}]})",
      // numbers: integers, negative, beyond int64, floats in several spellings
      R"({"value":[{"n":[0,-1,9223372036854775807,-9223372036854775808,18446744073709551615,
          18446744073709551616,1.0,1e5,-0.0,1.5e-7,0.1,3.141592653589793,1E+2,12.50]}]})",
      // scalar items, literals, whitespace everywhere
      " { \"value\" : [ 1 , \"two\" , true , false , null , [ ] , { } ] } \n",
      // empty value array; no nextLink; empty and non-string nextLinks
      R"({"value":[]})",
      R"({"value":[],"nextLink":""})",
      R"({"value":[{"a":1}],"nextLink":42})",
      R"({"value":[{"a":1}],"nextLink":{"href":"x"}})",
      // "value" and "nextLink" inside items and inside other members do not count
      R"({"other":{"value":[9],"nextLink":"no"},"value":[{"value":[1],"nextLink":"item"}]})",
      // not pages
      R"({"value":{"a":1}})",
      R"({"value":"x","nextLink":"n"})",
      R"({"items":[1]})",
      R"([{"value":[1]}])",
      R"("value")",
      R"(17)",
  };
  for (const auto& body : bodies) check_same_as_dom(body);
}

TEST_CASE("the common case is read without nlohmann's lexer, as the DOM reads it", "[page_text]") {
  // What the service sends: nested objects, integers, literals, simple escapes, raw DEL.
  for (const std::string body : {
           R"({"value":[{"id":"job-1","displayName":"Set \"temp\" \/ A\\B\n\t","status":"complete",
           "batch":{"type":"percentage","value":25},"data":[{"type":"PropertyJobData","path":"t",
           "value":-56,"ok":true,"none":null}],"progress":{"total":0,"failed":0},"e":[],"o":{}}],
           "nextLink":"https://a.example/api/jobs?api-version=2022-07-31&$skiptoken=x"})",
           "{\"value\":[{\"del\":\"a\x7f\"}]}",
           " {\"x\":{\"value\":1},\"value\":[ ] ,\"nextLink\":null}\n",
           R"({"value":[1,"two",[[]],{"a":{"a":1}},-0.5]})",
           // No backslash, control or non-ASCII byte anywhere: strings end at the next quote.
           R"({"value":[{"s":"{[,:]} x","":"","t":["]"]}],"nextLink":"https://a.example/?$skiptoken=1"})",
       }) {
    INFO(body);
    const PageText expected = reference(body);
    if (body.find("-0.5") != std::string::npos) {
      CHECK_FALSE(iotc::api::read_simple_page_text(body));
    } else {
      check_same(iotc::api::read_simple_page_text(body), expected);
    }
    check_same(read_page_text(body), expected);
  }
  // Left to the full pass, which reads them as the DOM does.
  for (const std::string body :
       {R"({"value":["\u0041"]})", "{\"value\":[\"\xc3\xa9\"]}", R"({"value":[1.5]})",
        R"({"value":[1e5]})", R"({"value":[-0]})", R"({"value":[1234567890123456789]})",
        "\xef\xbb\xbf{\"value\":[1]}", R"({"value":[{"a":1,"a":2}]})", R"({"value":{}})",
        R"({"items":[]})", R"([])", R"({"value":[],"nextLink":"a\/b"})"}) {
    INFO(body);
    CHECK_FALSE(iotc::api::read_simple_page_text(body));
    if (body.find("\"a\":1,\"a\"") == std::string::npos)
      check_same(read_page_text(body), reference(body));
  }
}

TEST_CASE("the same member name in another object of an item is no repeat", "[page_text]") {
  check_same_as_dom(R"({"value":[{"a":{"a":1,"b":{"a":2}},"b":[{"a":3},{"a":4}]},{"a":5}]})");
}

TEST_CASE("pages a DOM must read are left to it", "[page_text]") {
  // Not JSON: the DOM parse reports the error.
  for (const std::string body :
       {"", "{", R"({"value":[{"a":1}])", R"({"value":[]} x)", R"({"value":["\x"]})",
        R"({"value":["unterminated)", "{\"value\":[\"a\x01b\"]}",
        R"({"value":[1e400]})", R"({"value":["\ud800"]})", "{\"value\":[\"\xff\"]}",
        R"({"value":[{"a":1,}]})", R"({"value":[01]})"}) {
    INFO(body);
    CHECK_FALSE(read_page_text(body));
    CHECK_FALSE(Json::accept(body));
  }
  // A repeated name: the DOM keeps the first place and the last value.
  for (const std::string body :
       {R"({"value":[{"a":1,"b":2,"a":3}]})", R"({"value":[{"o":{"a":1,"a":2}}]})",
        R"({"value":[1],"value":[2]})", R"({"nextLink":"a","value":[],"nextLink":"b"})"}) {
    INFO(body);
    CHECK_FALSE(read_page_text(body));
    CHECK(Json::accept(body));
  }
  // Deeper than kMaxJsonDepth, counting the page itself.
  const auto nested = [](std::size_t levels) {
    return R"({"value":)" + std::string(levels - 1, '[') + std::string(levels - 1, ']') + "}";
  };
  CHECK(read_page_text(nested(iotc::model::kMaxJsonDepth)));
  CHECK_FALSE(read_page_text(nested(iotc::model::kMaxJsonDepth + 1)));
}

TEST_CASE("every fuzzing seed and regression reads as the DOM reads it", "[page_text]") {
  std::size_t compared = 0;
  std::size_t simple_compared = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(IOTC_FUZZ_INPUTS_DIR)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream file(entry.path(), std::ios::binary);
    const std::string content((std::istreambuf_iterator<char>(file)), {});
    // api_client inputs start with two bytes of settings; the rest is a body.
    for (const std::string& body : {content, content.size() > 2 ? content.substr(2) : ""}) {
      INFO(entry.path().string());
      const auto read = read_page_text(body);
      const auto simple = iotc::api::read_simple_page_text(body);
      if (!iotc::model::json_depth_within(body)) {
        CHECK_FALSE(read);
        CHECK_FALSE(simple);
        continue;
      }
      std::optional<Json> dom;
      try {
        dom = Json::parse(body);
      } catch (const Json::exception&) {
      }
      if (!dom) {
        CHECK_FALSE(read);
        CHECK_FALSE(simple);
        continue;
      }
      if (!read) continue;  // a repeated name somewhere: the DOM reads it
      const PageText expected = page_text_of(*dom);
      if (simple) {
        check_same(simple, expected);
        ++simple_compared;
      }
      CHECK(items_of(*read) == items_of(expected));
      CHECK(read->next_link == expected.next_link);
      CHECK(read->is_page == expected.is_page);
      ++compared;
    }
  }
  CHECK(compared > 50);
  CHECK(simple_compared > 10);
}

namespace {

using iotc::api::Client;
using iotc::api::Request;
using iotc::testing::FakeClock;
using iotc::testing::FakeTransport;
using iotc::testing::response;

struct PagerFixture {
  FakeClock clock;
  FakeTransport transport{&clock};
  std::ostringstream trace;
  iotc::api::Tracer tracer{trace, iotc::api::TraceLevel::off};
  Client client{options(), transport, clock, [] { return 0.5; }, tracer};
  static iotc::api::ClientOptions options() {
    iotc::api::ClientOptions o;
    o.base_url = "https://contoso.azureiotcentral.com";
    o.authorization = "Bearer t";
    return o;
  }
  // Two pages: the first links to the second.
  void serve(std::string first, std::string second = R"({"value":[{"id":"last"}]})") {
    transport.handler = [first, second](const Request& r) {
      return response(200, r.url.find("skip=1") != std::string::npos ? second : first);
    };
  }
  static std::string link() {
    return R"("nextLink":"https://contoso.azureiotcentral.com/api/jobs?api-version=2022-07-31&skip=1")";
  }
};

}  // namespace

TEST_CASE_METHOD(PagerFixture, "next_text walks every page as next() does", "[page_text]") {
  serve(R"({"value":[{"id":"a","n":{"x":[1,2]}},{"id":"b","s":"\u007f"}],)" + link() + "}");
  std::vector<std::string> texts;
  auto pager = client.list_jobs();
  while (auto text = pager.next_text()) texts.emplace_back(*text);
  CHECK(texts == std::vector<std::string>{R"({"id":"a","n":{"x":[1,2]}})",
                                          "{\"id\":\"b\",\"s\":\"\x7f\"}", R"({"id":"last"})"});
  CHECK(pager.pages_fetched() == 2);
}

TEST_CASE_METHOD(PagerFixture, "next() and next_text() may be mixed", "[page_text]") {
  serve(R"({"value":[{"id":"a"},{"id":"b"}],)" + link() + "}",
        R"({"value":[{"id":"c"},{"id":"d"}]})");
  auto pager = client.list_jobs();
  CHECK(pager.next_text() == std::optional<std::string_view>(R"({"id":"a"})"));
  CHECK(pager.next()->value.id == "b");  // from a page read as text
  CHECK(pager.next()->value.id == "c");  // a page read into a DOM
  CHECK(pager.next_text() == std::optional<std::string_view>(R"({"id":"d"})"));
  CHECK_FALSE(pager.next_text());
  CHECK_FALSE(pager.next());
}

TEST_CASE_METHOD(PagerFixture, "a repeated name goes through the DOM: last value, first place",
                 "[page_text]") {
  serve(R"({"value":[{"a":1,"b":2,"a":3}]})");
  auto pager = client.list_jobs();
  CHECK(pager.next_text() == std::optional<std::string_view>(R"({"a":3,"b":2})"));
  CHECK_FALSE(pager.next_text());
}

TEST_CASE_METHOD(PagerFixture, "a bad page read as text fails as the DOM read fails",
                 "[page_text]") {
  const auto message_of = [&](const std::string& body, bool as_text) {
    serve(body);
    auto pager = client.list_jobs();
    try {
      if (as_text) {
        while (pager.next_text()) {
        }
      } else {
        while (pager.next()) {
        }
      }
    } catch (const iotc::NetworkError& error) {
      return std::string(error.what());
    }
    return std::string("no error");
  };
  for (const std::string& body :
       {std::string(R"({"value":[{"id":"a"})"), std::string(R"({"value":{"id":"a"}})"),
        std::string(R"([1,2])"), std::string(R"({"value":[1e400]})"),
        R"({"value":)" + std::string(200, '[') + std::string(200, ']') + "}"}) {
    INFO(body);
    const std::string message = message_of(body, true);
    CHECK(message == message_of(body, false));
    CHECK((message.find("could not be read") != std::string::npos ||
           message.find("is not a page") != std::string::npos));
  }
}
