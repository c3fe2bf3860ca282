#include "config/settings.hpp"

#include <catch2/catch.hpp>

#include "config/duration.hpp"
#include "errors.hpp"
#include "temp_dir.hpp"

using namespace std::chrono_literals;
using iotc::config::Environment;
using iotc::config::Flags;
using iotc::config::resolve_settings;
using iotc::config::TokenSourceKind;

namespace {

// A config file with one profile "p" that sets every key, as the default profile or not.
struct ProfileFixture {
  iotc::testing::TempDir dir;
  Environment env;

  explicit ProfileFixture(bool as_default = false) {
    dir.write("iotc-jobs/config.json", std::string(R"({
      )") + (as_default ? R"("default_profile": "p",)" : "") +
                                           R"(
      // comments are allowed
      "profiles": {
        "p": {"app": "profapp", "dns_suffix": "prof.example", "api_version": "preview",
              "token_file": "p.token", "timeout": "7s", "retries": 1, "cacert": "ca.pem",
              "output": "csv"},
        "local": {"base_url": "http://127.0.0.1:9000/"}
      }})");
    env["XDG_CONFIG_HOME"] = dir.path().string();
    env["HOME"] = "/home/someone";
  }
};

Flags with_app() {
  Flags flags;
  flags.app = "flagapp";
  return flags;
}

}  // namespace

TEST_CASE("defaults: dns suffix, api-version, retries, output, and no timeout, no token") {
  Environment env;
  auto s = resolve_settings(with_app(), env);
  CHECK(s.base_url == "https://flagapp.azureiotcentral.com");
  CHECK(s.dns_suffix == "azureiotcentral.com");
  CHECK(s.api_version == iotc::model::ApiVersion::v2022_07_31);
  CHECK(s.retries == 4);
  CHECK(s.output == "table");
  CHECK_FALSE(s.timeout);
  CHECK(s.token.kind == TokenSourceKind::none);
  CHECK_FALSE(s.profile);
  CHECK(s.target_label() == "app 'flagapp' (https://flagapp.azureiotcentral.com)");
}

TEST_CASE("no app and no base URL is a clear usage error") {
  CHECK_THROWS_AS(resolve_settings({}, {}), iotc::UsageError);
  CHECK_THROWS_WITH(resolve_settings({}, {}), Catch::Contains("--app") &&
                                                  Catch::Contains("IOTC_APP") &&
                                                  Catch::Contains("--base-url"));
}

TEST_CASE_METHOD(ProfileFixture, "precedence flag > environment > profile, setting by setting") {
  Flags flags;
  flags.profile = "p";

  SECTION("app") {
    CHECK(resolve_settings(flags, env).app == "profapp");
    env["IOTC_APP"] = "envapp";
    CHECK(resolve_settings(flags, env).app == "envapp");
    flags.app = "flagapp";
    CHECK(resolve_settings(flags, env).app == "flagapp");
  }
  SECTION("dns suffix") {
    CHECK(resolve_settings(flags, env).base_url == "https://profapp.prof.example");
    env["IOTC_DNS_SUFFIX"] = "env.example";
    CHECK(resolve_settings(flags, env).base_url == "https://profapp.env.example");
    flags.dns_suffix = "flag.example";
    CHECK(resolve_settings(flags, env).base_url == "https://profapp.flag.example");
  }
  SECTION("api-version") {
    CHECK(resolve_settings(flags, env).api_version == iotc::model::ApiVersion::preview);
    env["IOTC_API_VERSION"] = "2022-10-31-preview";
    CHECK(resolve_settings(flags, env).api_version == iotc::model::ApiVersion::v2022_10_31_preview);
    flags.api_version = "2022-07-31";
    CHECK(resolve_settings(flags, env).api_version == iotc::model::ApiVersion::v2022_07_31);
  }
  SECTION("token source") {
    auto s = resolve_settings(flags, env);
    CHECK(s.token.kind == TokenSourceKind::file);
    CHECK(s.token.path == (dir.path() / "iotc-jobs/p.token").string());  // relative to the file
    CHECK(s.token.origin.find("profile 'p'") != std::string::npos);
    env["IOTC_API_TOKEN"] = "x";
    CHECK(resolve_settings(flags, env).token.kind == TokenSourceKind::environment);
    flags.token_file = "/run/token";
    s = resolve_settings(flags, env);
    CHECK(s.token.kind == TokenSourceKind::file);
    CHECK(s.token.origin == "--token-file /run/token");
    flags.token_file = "-";
    CHECK(resolve_settings(flags, env).token.kind == TokenSourceKind::stdin_);
  }
  SECTION("timeout") {
    CHECK(resolve_settings(flags, env).timeout == 7s);
    env["IOTC_TIMEOUT"] = "2m";
    CHECK(resolve_settings(flags, env).timeout == 2min);
    flags.timeout = "1500ms";
    CHECK(resolve_settings(flags, env).timeout == 1500ms);
  }
  SECTION("retries") {
    CHECK(resolve_settings(flags, env).retries == 1);
    env["IOTC_RETRIES"] = "6";
    CHECK(resolve_settings(flags, env).retries == 6);
    flags.retries = 0;
    CHECK(resolve_settings(flags, env).retries == 0);
  }
  SECTION("cacert") {
    CHECK(resolve_settings(flags, env).cacert == (dir.path() / "iotc-jobs/ca.pem").string());
    env["IOTC_CACERT"] = "/env/ca.pem";
    CHECK(resolve_settings(flags, env).cacert == "/env/ca.pem");
    flags.cacert = "/flag/ca.pem";
    CHECK(resolve_settings(flags, env).cacert == "/flag/ca.pem");
  }
  SECTION("output") {
    CHECK(resolve_settings(flags, env).output == "csv");
    env["IOTC_OUTPUT"] = "jsonl";
    CHECK(resolve_settings(flags, env).output == "jsonl");
    flags.output = "json";
    CHECK(resolve_settings(flags, env).output == "json");
  }
}

TEST_CASE_METHOD(ProfileFixture, "base URL against app: the higher layer wins, base URL on a tie") {
  Flags flags;
  flags.profile = "local";
  CHECK(resolve_settings(flags, env).base_url == "http://127.0.0.1:9000");
  env["IOTC_APP"] = "envapp";  // the environment beats the profile's base_url
  CHECK(resolve_settings(flags, env).base_url == "https://envapp.azureiotcentral.com");
  env["IOTC_BASE_URL"] = "http://localhost:1234";  // same layer: base URL wins
  CHECK(resolve_settings(flags, env).base_url == "http://localhost:1234");
  flags.app = "flagapp";  // a flag beats the environment
  CHECK(resolve_settings(flags, env).base_url == "https://flagapp.azureiotcentral.com");
  flags.base_url = "https://gateway.example/iotc/";
  auto s = resolve_settings(flags, env);
  CHECK(s.base_url == "https://gateway.example/iotc");
  CHECK(s.target_label() == "https://gateway.example/iotc");
}

TEST_CASE_METHOD(ProfileFixture, "profiles: by flag, by IOTC_PROFILE, or the file's default") {
  Flags none;
  CHECK_THROWS_AS(resolve_settings(none, env), iotc::UsageError);  // no default_profile
  env["IOTC_PROFILE"] = "p";
  CHECK(resolve_settings(none, env).profile == "p");
  Flags flags;
  flags.profile = "local";
  CHECK(resolve_settings(flags, env).profile == "local");
  flags.profile = "missing";
  CHECK_THROWS_WITH(resolve_settings(flags, env), Catch::Contains("missing"));
}

TEST_CASE("the default profile applies when none is named") {
  ProfileFixture fixture(true);
  auto s = resolve_settings({}, fixture.env);
  CHECK(s.profile == "p");
  CHECK(s.app == "profapp");
}

TEST_CASE("config file location: XDG_CONFIG_HOME, else ~/.config") {
  CHECK(iotc::config::config_file_path({{"XDG_CONFIG_HOME", "/x"}, {"HOME", "/h"}}) ==
        "/x/iotc-jobs/config.json");
  CHECK(iotc::config::config_file_path({{"HOME", "/h"}}) == "/h/.config/iotc-jobs/config.json");
  CHECK_FALSE(iotc::config::config_file_path({}));
}

TEST_CASE("a named profile without a config file, a bad file, an unknown key: usage errors") {
  iotc::testing::TempDir dir;
  Environment env{{"XDG_CONFIG_HOME", dir.path().string()}};
  Flags flags = with_app();
  flags.profile = "p";
  CHECK_THROWS_AS(resolve_settings(flags, env), iotc::UsageError);
  dir.write("iotc-jobs/config.json", "{not json");
  CHECK_THROWS_WITH(resolve_settings(flags, env), Catch::Contains("not valid JSON"));
  dir.write("iotc-jobs/config.json", R"({"profiles":{"p":{"tokn_file":"x"}}})");
  CHECK_THROWS_WITH(resolve_settings(flags, env), Catch::Contains("unknown key 'tokn_file'"));
}

TEST_CASE("invalid values are usage errors that name their origin") {
  Flags flags = with_app();
  Environment env{{"IOTC_API_VERSION", "2099-01-01"}};
  CHECK_THROWS_WITH(resolve_settings(flags, env),
                    Catch::Contains("IOTC_API_VERSION") && Catch::Contains("2022-07-31"));
  flags.timeout = "soon";
  CHECK_THROWS_WITH(resolve_settings(flags, {}), Catch::Contains("--timeout"));
  flags.timeout = "0";
  CHECK_THROWS_AS(resolve_settings(flags, {}), iotc::UsageError);
  flags.timeout.reset();
  CHECK_THROWS_WITH(resolve_settings(flags, {{"IOTC_RETRIES", "-1"}}),
                    Catch::Contains("IOTC_RETRIES"));
  CHECK_THROWS_AS(resolve_settings(flags, {{"IOTC_OUTPUT", "yaml"}}), iotc::UsageError);
  Flags bad_app;
  bad_app.app = "contoso.azureiotcentral.com";
  CHECK_THROWS_WITH(resolve_settings(bad_app, {}), Catch::Contains("--base-url"));
  Flags bad_url;
  bad_url.base_url = "localhost:8080";
  CHECK_THROWS_AS(resolve_settings(bad_url, {}), iotc::UsageError);
}

TEST_CASE("durations") {
  using iotc::config::parse_duration;
  CHECK(parse_duration("90") == 90s);
  CHECK(parse_duration("90s") == 90s);
  CHECK(parse_duration("1500ms") == 1500ms);
  CHECK(parse_duration("5m") == 5min);
  CHECK(parse_duration("1h") == 1h);
  CHECK(parse_duration("1m30s") == 90s);
  CHECK(parse_duration("0.5s") == 500ms);
  CHECK(parse_duration("1d") == 24h);
  for (const char* bad : {"", "s", "5x", "-5", "5 s", "1m30", "abc"}) {
    CAPTURE(bad);
    CHECK_FALSE(parse_duration(bad));
  }
}

TEST_CASE("NO_PROXY is passed on, and the environment map is built from envp") {
  char a[] = "IOTC_APP=x";
  char b[] = "NO_PROXY=corp.example";
  char c[] = "EMPTY=";
  char* envp[] = {a, b, c, nullptr};
  Environment env = iotc::config::environment_from(envp);
  CHECK(env.at("EMPTY").empty());
  auto s = resolve_settings({}, env);
  CHECK(s.app == "x");
  CHECK(s.no_proxy == "corp.example");
}
