#include "cli/dry_run.hpp"

#include "api/trace.hpp"
#include "cli/typed_value.hpp"
#include "model/job_json.hpp"
#include "model/json_reader.hpp"

namespace iotc::cli {

std::vector<std::string> typed_values(const model::Job& job) {
  std::vector<std::string> lines;
  for (std::size_t i = 0; i < job.data.size(); ++i) {
    const model::JobData& item = job.data[i];
    if (!item.value) continue;
    lines.push_back("  " + model::index_path("data", i) + " " + item.path.value_or("") + " = " +
                    item.value->dump(-1, ' ', false, model::Json::error_handler_t::replace) + " (" +
                    std::string(json_type_name(*item.value)) + ")");
  }
  return lines;
}

void print_dry_run(Context& context, const std::string& job_id, const model::Job& job,
                   const std::string& reach) {
  auto& output = context.output();
  output.info("job " + job_id + " would run on " + reach + " of group " + job.group.value_or("") +
              " (dry run: nothing was sent)");
  const auto values = typed_values(job);
  if (!values.empty()) output.info("values as they will be sent:");
  for (const auto& line : values) output.info(line);
  auto& client = context.client();
  const auto version = context.api_version();
  std::string request =
      api::describe_request(client.create_job_request(job_id, model::to_create_body(job, version)));
  if (request.empty() || request.back() != '\n') request += '\n';
  output.out() << request;
}

}  // namespace iotc::cli
