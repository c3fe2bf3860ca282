#include "emulator/run.hpp"

#include <signal.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include "emulator/auth.hpp"
#include "emulator/listener.hpp"
#include "emulator/log_text.hpp"
#include "emulator/seed.hpp"

namespace iotc::emulator {
namespace {

// How often the background ticker replays due events (real time). Requests replay them too;
// the ticker only keeps a --state file current between requests.
constexpr auto kTickInterval = std::chrono::milliseconds(250);
constexpr int kClockSaveEveryTicks = 20;
constexpr auto kStartTimeout = std::chrono::seconds(10);

std::vector<std::string> read_token_file(const std::string& path) {
  std::stringstream text;
  if (path == "-") {
    text << std::cin.rdbuf();
  } else {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read token file " + path);
    text << in.rdbuf();
  }
  auto lines = read_token_lines(text.str());
  // A file with no token must not silently mean "no auth": that would accept any credential,
  // admin reset included.
  if (lines.empty()) {
    throw std::runtime_error("token file " + path +
                             " holds no token (only blank lines or # comments)");
  }
  return lines;
}

std::string scope_name(const std::string& organization) {
  return organization.empty() ? "the whole app" : "organization '" + organization + "'";
}

// The accepted tokens, each with the organization it is tied to ("" for the whole app).
void load_tokens(const EmulatorOptions& options, ServiceSettings& service) {
  std::vector<std::string> tokens;
  auto add = [&](std::vector<std::string> values, const std::string& organization) {
    for (auto& value : values) {
      tokens.push_back(std::move(value));
      service.token_organizations.push_back(organization);
    }
  };
  add(options.tokens, "");
  for (const auto& path : options.token_files) add(read_token_file(path), "");
  // Both are checked as ORG=VALUE by parse_options.
  for (const auto& text : options.organization_tokens) {
    auto [organization, token] = *split_organization_value(text);
    add({token}, organization);
  }
  for (const auto& text : options.organization_token_files) {
    auto [organization, path] = *split_organization_value(text);
    add(read_token_file(path), organization);
  }
  service.tokens = as_received(tokens);
  // The first match decides a caller's scope: one token in two scopes would make it depend on
  // the order of the options.
  for (std::size_t i = 0; i < service.tokens.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (service.tokens[i] == service.tokens[j] &&
          service.token_organizations[i] != service.token_organizations[j]) {
        throw std::runtime_error("one token is tied to two scopes (" +
                                 scope_name(service.token_organizations[j]) + " and " +
                                 scope_name(service.token_organizations[i]) +
                                 "); give each token once");
      }
    }
  }
}

// A token tied to an organization the seed does not declare would see nothing: refused.
void check_token_organizations(const ServiceSettings& service, Store& store) {
  for (const auto& organization : service.token_organizations) {
    if (!organization.empty() && !store.organization(organization)) {
      throw std::runtime_error("--organization-token: unknown organization '" + organization +
                               "' (the seed declares no such organization)");
    }
  }
}

std::unique_ptr<Store> open_store(const EmulatorOptions& options) {
  auto store = std::make_unique<Store>(options.state_file);
  if (store->meta("seeded")) return store;
  auto started = std::chrono::steady_clock::now();
  SeedSummary summary = options.seed_file.empty() ? load_seed(*store, demo_seed())
                                                  : load_seed_file(*store, options.seed_file);
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                                  started)
                .count();
  if (options.verbose) {
    std::fprintf(stderr, "seeded %lld templates, %lld devices, %lld groups in %lld ms\n",
                 static_cast<long long>(summary.templates), static_cast<long long>(summary.devices),
                 static_cast<long long>(summary.groups), static_cast<long long>(ms));
  }
  return store;
}

std::unique_ptr<Clock> make_clock(const EmulatorOptions& options, Store& store) {
  // Emulated time never goes back across restarts of the same state. The saved time lags
  // after a kill -9 (it is saved every few seconds and on exit), so the times the jobs recorded
  // are a floor too: a time a client was shown is never in the future of the restarted clock.
  TimeMs start = wall_clock_now();
  if (auto saved = store.meta("clock")) {
    TimeMs previous = std::stoll(*saved);
    start = options.manual_clock ? previous : std::max(start, previous);
  }
  start = std::max(start, store.latest_job_time());
  if (options.manual_clock) return std::make_unique<ManualClock>(start);
  return std::make_unique<ScaledClock>(options.time_scale, start);
}

}  // namespace

int run_emulator(const EmulatorOptions& options) {
  signal(SIGPIPE, SIG_IGN);
  raise_open_file_limit();  // a connection is a file descriptor, and each has a thread

  std::unique_ptr<App> app;
  std::unique_ptr<Server> server;
  std::string url;
  try {
    ServiceSettings service;
    load_tokens(options, service);
    service.page_size = options.page_size;
    service.public_url = options.public_url;
    service.verbose = options.verbose;
    service.rate_limit = options.rate_limit;
    service.duplicate_create = options.duplicate_create;
    auto store = open_store(options);
    check_token_organizations(service, *store);
    auto clock = make_clock(options, *store);
    app = std::make_unique<App>(std::move(store), std::move(clock), options.engine, service);
    server = std::make_unique<Server>(*app, options.listen);
    url = server->bind();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "iotc-jobs-emulator: error: %s\n", printable(e.what()).c_str());
    return 1;
  }
  if (app->service.tokens.empty()) {
    std::fprintf(stderr,
                 "iotc-jobs-emulator: warning: no --token: any SharedAccessSignature or Bearer "
                 "credential is accepted\n");
  }
  // Signals are taken by sigwait below; block them before any thread starts (and not earlier:
  // a signal during a long seed load ends the process at once).
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  std::thread serving([&] { server->run(); });
  if (!server->wait_until_running(kStartTimeout)) {
    std::fprintf(stderr, "iotc-jobs-emulator: error: the server did not start\n");
    std::_Exit(1);
  }
  std::printf("%s\n", url.c_str());
  std::fflush(stdout);
  std::atomic<bool> stopping{false};
  std::mutex tick_mutex;
  std::condition_variable tick_wakeup;
  std::thread ticker([&] {
    int ticks = 0;
    std::unique_lock wait_lock(tick_mutex);
    while (!tick_wakeup.wait_for(wait_lock, kTickInterval, [&] { return stopping.load(); })) {
      if (app->clock->is_manual()) continue;
      try {
        std::lock_guard lock(app->state_mutex);
        app->engine.advance();
        if (++ticks % kClockSaveEveryTicks == 0) app->save_clock();
      } catch (const std::exception& e) {
        std::fprintf(stderr, "iotc-jobs-emulator: error: %s\n", printable(e.what()).c_str());
      }
    }
  });

  int received = 0;
  sigwait(&signals, &received);
  if (options.verbose) std::fprintf(stderr, "stopping (signal %d)\n", received);
  server->stop();
  serving.join();
  {
    std::lock_guard lock(tick_mutex);
    stopping = true;
  }
  tick_wakeup.notify_all();
  ticker.join();
  try {
    std::lock_guard lock(app->state_mutex);
    app->engine.advance();
    app->save_clock();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "iotc-jobs-emulator: error: %s\n", printable(e.what()).c_str());
    return 1;
  }
  return 0;
}

}  // namespace iotc::emulator
