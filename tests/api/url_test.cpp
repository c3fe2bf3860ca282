#include "api/url.hpp"

#include <catch2/catch.hpp>

using iotc::api::is_loopback_host;
using iotc::api::parse_url;
using iotc::api::with_query_parameter;

TEST_CASE("parse_url splits origin and rest, with default ports") {
  auto url = parse_url("HTTPS://App.Example.COM/api/jobs?x=1");
  REQUIRE(url);
  CHECK(url->scheme == "https");
  CHECK(url->host == "app.example.com");
  CHECK(url->port == 443);
  CHECK(url->rest == "/api/jobs?x=1");
  CHECK(parse_url("http://127.0.0.1:8080")->port == 8080);
  CHECK(parse_url("http://[::1]:9/x")->host == "::1");
  CHECK_FALSE(parse_url("ftp://x"));
  CHECK_FALSE(parse_url("https://"));
  CHECK_FALSE(parse_url("https://h:99999/"));
  CHECK_FALSE(parse_url("https://u:p@h/"));
}

TEST_CASE("loopback hosts are localhost, 127.0.0.0/8 and ::1") {
  for (const char* host : {"localhost", "LOCALHOST", "127.0.0.1", "127.255.0.9", "::1", "[::1]"}) {
    CAPTURE(host);
    CHECK(is_loopback_host(host));
  }
  for (const char* host : {"10.0.0.1", "128.0.0.1", "127.0.0", "127.0.0.1.evil.com",
                           "localhost.evil", "example.com", "::2", "0.0.0.0"}) {
    CAPTURE(host);
    CHECK_FALSE(is_loopback_host(host));
  }
}

TEST_CASE("with_query_parameter adds a parameter only when missing") {
  CHECK(with_query_parameter("https://h/a", "v", "1") == "https://h/a?v=1");
  CHECK(with_query_parameter("https://h/a?x=2", "v", "1") == "https://h/a?x=2&v=1");
  CHECK(with_query_parameter("https://h/a?v=9&x=2", "v", "1") == "https://h/a?v=9&x=2");
  CHECK(with_query_parameter("https://h/a?xv=9", "v", "1") == "https://h/a?xv=9&v=1");
}
