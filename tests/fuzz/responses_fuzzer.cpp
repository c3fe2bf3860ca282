// Fuzz target: what the service (or anything pretending to be it) answers. Bytes -> JSON -> a
// job, a device status, a device group, an error body, and a page {value, nextLink} of each.
// The invariants:
//   - reading never throws and never crashes, whatever the JSON;
//   - what the model writes back reads again without a problem and to the same JSON (a fixed
//     point), so `show -o json` of a re-read job is stable;
//   - writing refuses only a data type the api-version lacks (UnsupportedInVersion);
//   - the cells of a table, tsv or csv row read from an item's compact text (its dump: no
//     repeated names, no escapes dump() does not write) are those read from its DOM, or both
//     reads fail with the same message (output/row_cells.hpp).

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "fuzz_check.hpp"
#include "model/api_version.hpp"
#include "model/job_json.hpp"
#include "output/row_cells.hpp"

namespace iotc::testing {
namespace {

using model::Json;

// A count read without a problem is the count the service sent: never wrapped, never clamped.
void check_progress_counts(const Json& json, const model::Job& job,
                           const model::Problems& problems) {
  if (!job.progress || !json.is_object()) return;
  const Json& sent = json.at("progress");
  const model::Progress& p = *job.progress;
  const std::pair<const char*, std::int64_t> counts[] = {
      {"total", p.total}, {"pending", p.pending}, {"completed", p.completed}, {"failed", p.failed}};
  for (const auto& count : counts) {
    const auto it = sent.find(count.first);
    if (it == sent.end() || !it->is_number()) continue;
    const std::string path = std::string("progress.") + count.first;
    const bool reported = std::any_of(problems.begin(), problems.end(),
                                      [&](const auto& problem) { return problem.path == path; });
    FUZZ_CHECK(reported || static_cast<double>(count.second) == it->get<double>(), describe(sent));
  }
}

void check_job(const Json& json) {
  model::Problems problems;
  const model::Job job = model::job_from_json(json, problems);
  (void)job.status();
  check_progress_counts(json, job, problems);
  for (model::ApiVersion version : model::all_api_versions()) {
    Json written;
    try {
      written = model::to_json(job, version);
    } catch (const model::UnsupportedInVersion&) {
      continue;
    }
    model::Problems again;
    const model::Job reread = model::job_from_json(written, again);
    FUZZ_CHECK(again.empty(), again.front().to_string() + " in " + describe(written));
    FUZZ_CHECK(model::to_json(reread, version) == written, describe(written));
    FUZZ_CHECK(Json::parse(written.dump(), nullptr, false) == written, describe(written));
  }
}

void check_device_status(const Json& json) {
  model::Problems problems;
  const model::JobDeviceStatus status = model::job_device_status_from_json(json, problems);
  (void)status.status();
  const Json written = model::to_json(status);
  model::Problems again;
  const Json rewritten = model::to_json(model::job_device_status_from_json(written, again));
  FUZZ_CHECK(again.empty() && rewritten == written, describe(written));
}

void check_device_group(const Json& json) {
  model::Problems problems;
  const Json written = model::to_json(model::device_group_from_json(json, problems));
  model::Problems again;
  const Json rewritten = model::to_json(model::device_group_from_json(written, again));
  FUZZ_CHECK(again.empty() && rewritten == written, describe(written));
}

void check_error_body(const Json& json) {
  const std::optional<model::ServiceErrorBody> body = model::service_error_from_json(json);
  if (!body) return;
  FUZZ_CHECK(!body->code.empty() || !body->message.empty(), describe(json));
  const std::optional<model::ServiceErrorBody> again =
      model::service_error_from_json(model::to_json(*body));
  FUZZ_CHECK(again && again->code == body->code && again->message == body->message &&
                 again->request_id == body->request_id && again->time == body->time,
             describe(json));
}

// The job table's columns, and paths through members, in both contexts (relative times or not).
void check_cells(const Json& json) {
  using output::CellKind;
  static const std::vector<output::Column> columns{
      {"id", "ID", CellKind::text, false},
      {"status", "STATUS", CellKind::status, false},
      {"progress", "P", CellKind::progress, false},
      {"start", "S", CellKind::time, false},
      {"data", "DATA", CellKind::job_data, true},
      {"batch", "B", CellKind::size, false},
      {"group", "G", CellKind::named, false},
      {"organizations", "O", CellKind::id_list, true},
      {"progress.failed", "F", CellKind::text, false},
      {"data[0].value", "V", CellKind::text, false},
  };
  const std::string text = json.dump(-1, ' ', false, Json::error_handler_t::replace);
  const auto cells = [&](bool from_text, const output::CellContext& context) {
    output::RowCells row(columns);
    std::vector<std::string> texts;
    try {
      if (from_text) {
        row.read_text(text, context);
      } else {
        row.read(Json::parse(text), context);
      }
    } catch (const std::exception& error) {
      return std::vector<std::string>{std::string("error: ") + error.what()};
    }
    for (std::size_t c = 0; c < row.size(); ++c) {
      texts.push_back(row[c] ? "=" + std::string(*row[c]) : "<missing>");
    }
    return texts;
  };
  for (const bool relative : {false, true}) {
    const output::CellContext context{relative, std::chrono::system_clock::time_point{}};
    FUZZ_CHECK(cells(true, context) == cells(false, context), describe(json));
  }
}

void check_any(const Json& json) {
  check_cells(json);
  check_job(json);
  check_device_status(json);
  check_device_group(json);
  check_error_body(json);
}

// A page: every item read as each kind of item (a wrong kind must be harmless too).
void check_page(const Json& json) {
  if (!json.is_object()) return;
  const auto value = json.find("value");
  if (value != json.end() && value->is_array()) {
    for (const Json& item : *value) check_any(item);
  }
}

}  // namespace
}  // namespace iotc::testing

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::optional<iotc::model::Json> json = iotc::testing::parse_fuzz_input(data, size);
  if (!json) return 0;
  try {
    iotc::testing::check_any(*json);
    iotc::testing::check_page(*json);
  } catch (const std::exception& error) {
    FUZZ_CHECK(false, std::string("reading a response threw: ") + error.what());
  }
  return 0;
}
