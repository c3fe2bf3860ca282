#include "api/trace.hpp"

#include <cstdio>

namespace iotc::api {
namespace {

constexpr std::string_view kPrefix = "iotc-jobs: ";

std::string seconds_text(std::chrono::milliseconds duration) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f s", static_cast<double>(duration.count()) / 1000.0);
  return buffer;
}

void write_headers(std::ostream& out, std::string_view arrow, const Headers& headers) {
  for (const auto& [name, value] : headers) {
    out << arrow << name << ": " << redact_header(name, value) << '\n';
  }
}

// Each line of a body behind the same arrow as its headers, so that a trace stays one block per
// exchange and a script can drop it with `grep -v '^[<>] '`.
void write_body(std::ostream& out, std::string_view arrow, std::string_view body) {
  while (!body.empty()) {
    const auto end = body.find('\n');
    out << arrow << body.substr(0, end) << '\n';
    if (end == std::string_view::npos) break;
    body.remove_prefix(end + 1);
  }
}

}  // namespace

std::string describe_request(const Request& request) {
  std::string text = std::string(to_string(request.method)) + " " + redact_text(request.url) + "\n";
  for (const auto& [name, value] : request.headers) {
    text += name + ": " + redact_header(name, value) + "\n";
  }
  if (!request.body.empty()) text += "\n" + redact_text(request.body) + "\n";
  return text;
}

void Tracer::add_secret(std::string secret) {
  // Short values would redact ordinary words; a real token is far longer.
  constexpr std::size_t kMinSecretLength = 8;
  if (secret.size() >= kMinSecretLength) secrets_.push_back(std::move(secret));
}

std::string Tracer::redact(std::string_view text) const {
  // The known secrets first, whole: the pattern scrubbing below could cut one in half and leave
  // the rest of it unmatched.
  std::string out(text);
  for (const std::string& secret : secrets_) {
    for (std::size_t at = out.find(secret); at != std::string::npos;
         at = out.find(secret, at + kRedacted.size())) {
      out.replace(at, secret.size(), kRedacted);
    }
  }
  return redact_text(out);
}

void Tracer::attempt(const AttemptInfo& info, int max_retries) const {
  if (level() == TraceLevel::off) return;
  std::ostream& out = *out_;
  const bool debug = level() == TraceLevel::debug;
  if (debug) {
    out << "> " << to_string(info.request.method) << ' ' << redact(info.request.url) << '\n';
    write_headers(out, "> ", info.request.headers);
    write_body(out, "> ", redact(info.request.body));
  }
  std::string line = std::string(kPrefix) + std::string(to_string(info.request.method)) + " " +
                     redact(info.request.url) + " -> ";
  if (const auto* response = std::get_if<Response>(&info.result)) {
    line += std::to_string(response->status);
  } else {
    const auto& error = std::get<TransportError>(info.result);
    line += std::string(to_string(error.kind)) + " (" + redact(error.message) + ")";
  }
  line += " " + std::to_string(info.elapsed.count()) + " ms";
  if (info.retry > 0) {
    line += ", retry " + std::to_string(info.retry) + "/" + std::to_string(max_retries);
  }
  if (info.sleep) line += ", retrying in " + seconds_text(*info.sleep);
  out << line << '\n';
  if (debug) {
    if (const auto* response = std::get_if<Response>(&info.result)) {
      write_headers(out, "< ", response->headers);
      write_body(out, "< ", redact(response->body));
    }
  }
  out.flush();
}

void Tracer::note(std::string_view line) const {
  if (level() == TraceLevel::off) return;
  *out_ << kPrefix << redact(line) << '\n';
  out_->flush();
}

}  // namespace iotc::api
