// The fault matrix: every fault the emulator injects (429 with and without Retry-After, 500,
// 503, a slow answer, a dropped connection, a truncated body), on every command, in three
// regimes: a transient fault is retried away (exit 0, the request log shows exactly the extra
// attempts); a persistent one ends the command after --retries with exit 1 and one clear line
// on stderr; a hung service never keeps the command past its --timeout. Every call iotc-jobs
// makes is safe to repeat (GET, rerun's PUT with an id the client chose, stop and resume:
// docs/design.md §4), so every faulted call is retried; create's PUT is sent again only once a GET
// has found no job (lost_answer_test.cpp). Faults across several calls (a wait's polls, create
// --wait) are in fault_wait_test.cpp.
//
// Each row runs on fresh job ids, so the requests of one row never count in another's.

#include "fault_matrix.hpp"

#include <catch2/catch.hpp>
#include <chrono>

using namespace iotc::testing;
using namespace iotc::testing::faults;

namespace {

// A fault kind and what a command's error message says when it persists.
struct KindSpec {
  std::string kind;
  std::string names;  // in the one-line error
  int retry_after = 0;
};

// stop and resume answer 204 with no body: half of nothing is nothing, so a truncated answer
// is a whole one. A create's truncated answer comes after the job was made: the GET that
// follows finds it as it was sent, and nothing is sent again.
bool inert(const KindSpec& spec, const Command& command) {
  return spec.kind == "truncate" &&
         (command.name == "stop" || command.name == "resume" || command.name == "create");
}

void expect_inert(const Command& command, const Fault& fault, const Observed& observed) {
  INFO(describe(command, fault, observed));
  CHECK(observed.result.exit_code == 0);
  CHECK(observed.attempts.size() == 1);
  CHECK(observed.faulted == 1);
  if (command.name == "create") {
    CHECK(has(observed.result.err, "(confirmed after a lost answer)"));
  }
  if (observed.result.exit_code == 0) command.check(Json::parse(observed.result.out), observed.id);
}

// The three regimes of one fault kind on every command.
void run_kind(const KindSpec& spec) {
  Matrix matrix;
  for (const Command& command : commands()) {
    // Transient: one fault, one retry allowed: the command gets through.
    const Fault once{spec.kind, 1, spec.retry_after};
    const Observed transient = matrix.run(command, once, {"--retries", "1"});
    if (inert(spec, command)) {
      expect_inert(command, once, transient);
    } else {
      expect_recovered(command, once, transient);
    }
    if (spec.kind == "429" && spec.retry_after > 0 && !inert(spec, command)) {
      INFO(command.name << ": the retry waited for Retry-After");
      CHECK(transient.took >= std::chrono::seconds(spec.retry_after));
    }

    // Persistent: the retries run out; exit 1, one line naming the failure.
    const Fault always{spec.kind, 100, 0};
    const Observed persistent = matrix.run(command, always, {"--retries", "1"});
    if (inert(spec, command)) {
      expect_inert(command, always, persistent);
    } else {
      INFO(describe(command, always, persistent));
      CHECK(persistent.result.exit_code == 1);
      CHECK(persistent.attempts.size() == 2);  // --retries 1: two attempts
      CHECK(persistent.faulted == 2);
      expect_clean_error(persistent, spec.names);
      CHECK(has(persistent.result.err, "(after 1 retry)"));
    }

    // No retries: --retries 0 makes one attempt, and the first fault is final.
    const Observed single = matrix.run(command, once, {"--retries", "0"});
    if (inert(spec, command)) {
      expect_inert(command, once, single);
    } else {
      INFO(describe(command, once, single));
      CHECK(single.result.exit_code == 1);
      CHECK(single.attempts.size() == 1);
      expect_clean_error(single, spec.names);
      CHECK_FALSE(has(single.result.err, "retr"));
    }
  }
}

}  // namespace

TEST_CASE("fault matrix: 429 with Retry-After", "[e2e][faults]") {
  run_kind({"429", "HTTP 429 TooManyRequests", 1});
}

TEST_CASE("fault matrix: 429 without Retry-After", "[e2e][faults]") {
  run_kind({"429-no-retry-after", "HTTP 429 TooManyRequests"});
}

TEST_CASE("fault matrix: 500", "[e2e][faults]") {
  run_kind({"500", "HTTP 500 InternalServerError"});
}

TEST_CASE("fault matrix: 503, and two in a row", "[e2e][faults]") {
  run_kind({"503", "HTTP 503 ServiceUnavailable"});
  // Two faults in a row need two retries; the log shows three attempts.
  Matrix matrix;
  for (const Command& command : commands()) {
    const Fault twice{"503", 2};
    expect_recovered(command, twice, matrix.run(command, twice, {"--retries", "2"}));
  }
}

TEST_CASE("fault matrix: a dropped connection", "[e2e][faults]") {
  run_kind({"drop", "connection dropped"});
}

TEST_CASE("fault matrix: a truncated answer", "[e2e][faults]") {
  run_kind({"truncate", "connection dropped"});
}

TEST_CASE("fault matrix: a slow answer is waited for", "[e2e][faults]") {
  Matrix matrix;
  for (const Command& command : commands()) {
    const Fault slow{"slow", 1, 0, 300};
    const Observed observed = matrix.run(command, slow, {"--retries", "1"});
    INFO(describe(command, slow, observed));
    CHECK(observed.result.exit_code == 0);
    CHECK(observed.attempts.size() == 1);  // slow is not a failure: nothing to retry
    CHECK(observed.took >= std::chrono::milliseconds(300));
    if (observed.result.exit_code == 0)
      command.check(Json::parse(observed.result.out), observed.id);
  }
}

TEST_CASE("fault matrix: a hung service never keeps a command past --timeout", "[e2e][faults]") {
  // Generous: process start-up and a loaded CI machine. Only an upper bound on the hang.
  constexpr auto kMargin = std::chrono::seconds(4);
  Matrix matrix;
  for (const Command& command : commands()) {
    // Each answer takes longer than the --timeout and the margin together.
    const Fault hung{"slow", 100, 0, 6000};
    const Observed observed = matrix.run(command, hung, {"--timeout", "1s"});
    INFO(describe(command, hung, observed));
    CHECK(observed.took < std::chrono::seconds(1) + kMargin);
    CHECK(observed.result.exit_code == 1);
    expect_clean_error(observed, "before the deadline");
  }
  matrix.kill();
}

TEST_CASE("fault matrix: a Retry-After beyond the deadline or the cap is not slept through",
          "[e2e][faults]") {
  Matrix matrix;
  const auto show = commands().at(1);
  REQUIRE(show.name == "show");

  // Longer than the --timeout left: fail at once rather than sleep past it.
  const Fault past_deadline{"429", 100, 30};
  const Observed late = matrix.run(show, past_deadline, {"--timeout", "2s"});
  {
    INFO(describe(show, past_deadline, late));
    CHECK(late.result.exit_code == 1);
    CHECK(late.attempts.size() == 1);
    CHECK(late.took < std::chrono::seconds(2) + std::chrono::seconds(4));
    expect_clean_error(late, "HTTP 429 TooManyRequests");
  }

  // Longer than the client honours (120 s): give up at once with the service's answer.
  const Fault too_long{"429", 100, 600};
  const Observed refused = matrix.run(show, too_long, {});
  {
    INFO(describe(show, too_long, refused));
    CHECK(refused.result.exit_code == 1);
    CHECK(refused.attempts.size() == 1);
    CHECK(refused.took < std::chrono::seconds(5));
    expect_clean_error(refused, "only after 600 s");
  }
}
