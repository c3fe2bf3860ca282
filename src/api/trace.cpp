#include "api/trace.hpp"

#include <cstdio>

#include "api/redact.hpp"
#include "api/secrets.hpp"
#include "util/ascii_case.hpp"

namespace iotc::api {
namespace {

constexpr std::string_view kPrefix = "iotc-jobs: ";

std::string seconds_text(std::chrono::milliseconds duration) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f s", static_cast<double>(duration.count()) / 1000.0);
  return buffer;
}

}  // namespace

void Tracer::line(std::string_view arrow, std::string_view text) const {
  std::string shown = redact(text);
  if (filter_) shown = filter_(shown);
  *out_ << arrow << shown << '\n';
}

// Header values through the known secrets too: an allowlisted header (Location,
// x-ms-error-code) may echo an opaque token that no pattern recognises.
void Tracer::write_headers(std::string_view arrow, const Headers& headers) const {
  for (const auto& [name, value] : headers) {
    // The known secrets before the header's own rules, whose pattern scrubbing could cut a
    // secret into pieces that no longer match it. Authorization keeps its scheme word.
    const bool authorization =
        util::iequals(name, "authorization") || util::iequals(name, "proxy-authorization");
    line(arrow, name + ": " + redact_header(name, authorization ? value : redact_known(value)));
  }
}

// Each line of a body behind the same arrow as its headers, so that a trace stays one block per
// exchange and a script can drop it with `grep -v '^[<>] '`. Redacted whole before it is cut
// into lines, so that a secret cannot escape by straddling a line break.
void Tracer::write_body(std::string_view arrow, std::string_view body) const {
  const std::string redacted = redact(body);
  std::string_view rest = redacted;
  while (!rest.empty()) {
    const auto end = rest.find('\n');
    line(arrow, rest.substr(0, end));
    if (end == std::string_view::npos) break;
    rest.remove_prefix(end + 1);
  }
}

std::string describe_request(const Request& request) {
  std::string text = std::string(to_string(request.method)) + " " + redact_text(request.url) + "\n";
  for (const auto& [name, value] : request.headers) {
    text += name + ": " + redact_header(name, value) + "\n";
  }
  if (!request.body.empty()) text += "\n" + redact_text(request.body) + "\n";
  return text;
}

void Tracer::add_secret(std::string secret) { secrets_.add(std::move(secret)); }

void Tracer::add_authorization(std::string_view authorization) {
  for (std::string& part : secret_parts(authorization)) add_secret(std::move(part));
}

std::string Tracer::redact_known(std::string_view text) const {
  return secrets_.redacted(text);
}

std::string Tracer::redact(std::string_view text) const {
  // The known secrets first, whole: the pattern scrubbing below could cut one in half and leave
  // the rest of it unmatched.
  return redact_text(redact_known(text));
}

void Tracer::attempt(const AttemptInfo& info, int max_retries) const {
  if (level() == TraceLevel::off) return;
  const bool debug = level() == TraceLevel::debug;
  if (debug) {
    line("> ", std::string(to_string(info.request.method)) + " " + info.request.url);
    write_headers("> ", info.request.headers);
    write_body("> ", info.request.body);
  }
  std::string summary =
      std::string(to_string(info.request.method)) + " " + info.request.url + " -> ";
  if (const auto* response = std::get_if<Response>(&info.result)) {
    summary += std::to_string(response->status);
  } else {
    const auto& error = std::get<TransportError>(info.result);
    summary += std::string(to_string(error.kind)) + " (" + error.message + ")";
  }
  summary += " " + std::to_string(info.elapsed.count()) + " ms";
  if (info.retry > 0) {
    summary += ", retry " + std::to_string(info.retry) + "/" + std::to_string(max_retries);
  }
  if (info.sleep) summary += ", retrying in " + seconds_text(*info.sleep);
  line(kPrefix, summary);
  if (debug) {
    if (const auto* response = std::get_if<Response>(&info.result)) {
      write_headers("< ", response->headers);
      write_body("< ", response->body);
    }
  }
  out_->flush();
}

void Tracer::note(std::string_view line) const {
  if (level() == TraceLevel::off) return;
  this->line(kPrefix, line);
  out_->flush();
}

}  // namespace iotc::api
