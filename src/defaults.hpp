#pragma once
// Every default of iotc-jobs in one place, each with the reason for its value.
//
// The service facts behind them (docs/design.md §1): IoT Central throttles at 20 requests/s per
// app and may answer 429 without Retry-After; an answer normally takes well under a second; a
// page holds at most 100 items on 2022-10-31-preview (maxpagesize 1..100).

#include <chrono>
#include <cstddef>
#include <string_view>

namespace iotc::defaults {

using namespace std::chrono_literals;

// --- Connection -----------------------------------------------------------------------------

// TCP + TLS handshake. A healthy cloud endpoint connects in well under a second; 10 s rides out
// a slow DNS or a lossy Wi-Fi link, while curl's own default (300 s) would look like a hang.
inline constexpr std::chrono::milliseconds kConnectTimeout = 10s;

// One HTTP exchange (one attempt). The service answers in milliseconds and its largest page is
// 100 jobs (~60 KB), so an attempt that takes 30 s is stuck (a half-open connection, a hung
// proxy): cut it and let the retry policy try again on a fresh connection.
inline constexpr std::chrono::milliseconds kAttemptTimeout = 30s;

// The most bytes of one answer the client reads, after decompression. The largest real answer is
// a page of 100 jobs (~60 KB); 16 MiB is over 250 times that, and keeps an endless or
// decompression-bomb answer from growing the process: it fails with exit 1 naming the limit.
inline constexpr std::size_t kMaxAnswerBytes = std::size_t{16} << 20;
// The most bytes of one answer's header block. A real one is under 2 KB.
inline constexpr std::size_t kMaxAnswerHeaderBytes = std::size_t{256} << 10;

// The budget of one logical call (all its attempts and back-off sleeps) when the user gave no
// --timeout. 60 s holds a full retry sequence (at most ~15 s of back-off, see below) plus a
// couple of slow attempts, and is short enough for a CI pipeline to fail fast. With --timeout D
// the whole command gets one deadline D instead.
inline constexpr std::chrono::milliseconds kCallTimeout = 60s;

// --- Retries ----------------------------------------------------------------------------------

// Retries after the first attempt (--retries; 0 turns retries off). Four retries (five attempts)
// cover a throttle burst (429 without Retry-After) and a rolling restart of a front end (a few
// 502/503) without turning an outage into minutes of silence.
inline constexpr int kRetries = 4;

// Exponential back-off with "full jitter" (sleep = random(0, min(cap, base * 2^n))): the AWS
// architecture blog's measurements show full jitter spreads competing clients best, which
// matters when a whole CI fleet hits the same 20 req/s throttle. base 0.5 s: the throttle
// window is one second, so the first retry lands, on average, a quarter second later and the
// second within the next window. With 4 retries the sleeps are at most 0.5 + 1 + 2 + 4 = 7.5 s.
inline constexpr std::chrono::milliseconds kBackoffBase = 500ms;
// No single sleep exceeds 8 s, so raising --retries adds attempts at most 8 s apart.
inline constexpr std::chrono::milliseconds kBackoffCap = 8s;
// A Retry-After the service asks for is honoured up to this long (and never past the
// deadline); a longer one is treated as "not now": the call fails at once with the service's
// answer instead of sleeping for minutes.
inline constexpr std::chrono::milliseconds kRetryAfterMax = 120s;

// --- Service ----------------------------------------------------------------------------------

inline constexpr std::string_view kDnsSuffix = "azureiotcentral.com";
inline constexpr std::string_view kOutput = "table";

// maxpagesize the client asks for where the api-version has it (2022-10-31-preview): the
// spec's maximum, as fewer round trips is all a CLI wants.
inline constexpr int kMaxPageSize = 100;

// Paging: a service that sends nextLink for ever must not keep a command going for ever.
// The largest real listing is a job over 1,000,000 devices: 10,000 pages at the service's page
// size of 100. A command follows at most 1,000,000 pages (100 times that, or that listing at a
// page size of 1) and then fails; every link it followed is remembered (as a 64-bit hash, about
// 40 bytes each: 40 MB at the cap), so that a link back to any earlier page fails at once.
inline constexpr int kMaxPages = 1'000'000;
// A real service sends an empty page only as the last one. 100 empty pages in a row, each with a
// nextLink, is a broken service; each is followed only after kEmptyPagePause, so that such a
// service is asked at most ten times a second, not thousands.
inline constexpr int kMaxEmptyPagesInARow = 100;
inline constexpr std::chrono::milliseconds kEmptyPagePause = 100ms;

// --- Local files ------------------------------------------------------------------------------

// The most read of each file the user names (config/input_file.hpp): far above any real one,
// low enough that /dev/zero-like input cannot exhaust memory. A token is a few KB; a CA bundle
// about 200 KB; a job file holds one job (the bad-input matrix reads a 10 MB one to its end);
// a config file a few profiles.
inline constexpr std::size_t kMaxTokenFileBytes = std::size_t{64} << 10;
inline constexpr std::size_t kMaxCaFileBytes = std::size_t{4} << 20;
inline constexpr std::size_t kMaxJobFileBytes = std::size_t{32} << 20;
inline constexpr std::size_t kMaxConfigFileBytes = std::size_t{1} << 20;

// --- Waiting ----------------------------------------------------------------------------------

// Poll interval of --wait / wait. Jobs move device by device in batches; 5 s keeps a progress
// bar lively while staying far below the 20 req/s throttle even with 5 jobs watched at once.
inline constexpr std::chrono::milliseconds kPollInterval = 5s;
// How long --wait / wait wait when no --timeout is given: jobs over large groups take minutes.
inline constexpr std::chrono::milliseconds kWaitTimeout = 30min;
// A wait logging to a file or a CI log (not a terminal) writes a line at least this often while
// nothing changes: CI systems kill a job that prints nothing for 10 minutes (Travis) and people
// take a minute of silence for a hang. IOTC_HEARTBEAT_INTERVAL overrides it, for tests.
inline constexpr std::chrono::milliseconds kHeartbeatInterval = 1min;

// --- Emulator -----------------------------------------------------------------------------------

// The emulator's page size when not given (--page-size): the spec's largest maxpagesize.
inline constexpr int kEmulatorPageSize = 100;

}  // namespace iotc::defaults
