#include "cli/ids.hpp"

#include <fmt/format.h>

namespace iotc::cli {
namespace {

constexpr std::string_view kAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
constexpr std::size_t kRandomChars = 4;
constexpr std::size_t kMaxJobIdLength = 255;

std::string utc_stamp(std::chrono::system_clock::time_point now) {
  using namespace std::chrono;
  const auto day_point = floor<days>(now);
  const year_month_day date{day_point};
  const hh_mm_ss time{floor<seconds>(now - day_point)};
  return fmt::format("{:04}{:02}{:02}-{:02}{:02}{:02}", static_cast<int>(date.year()),
                     static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                     time.hours().count(), time.minutes().count(), time.seconds().count());
}

}  // namespace

std::string generate_job_id(std::chrono::system_clock::time_point now,
                            const api::UniformRandom& random) {
  std::string id = "job-" + utc_stamp(now) + "-";
  for (std::size_t i = 0; i < kRandomChars; ++i) {
    auto index = static_cast<std::size_t>(random() * static_cast<double>(kAlphabet.size()));
    id += kAlphabet[std::min(index, kAlphabet.size() - 1)];
  }
  return id;
}

std::string generate_rerun_id(std::string_view job_id, std::chrono::system_clock::time_point now) {
  const std::string suffix = "-rerun-" + utc_stamp(now);
  const std::size_t room = kMaxJobIdLength - suffix.size();
  return std::string(job_id.substr(0, room)) + suffix;
}

}  // namespace iotc::cli
