#include "cli/confirm.hpp"

#include <CLI/CLI.hpp>
#include <cctype>
#include <istream>
#include <string>

#include "cli/context.hpp"
#include "errors.hpp"
#include "util/ascii_case.hpp"

namespace iotc::cli {
namespace {

bool is_yes(std::string answer) {
  std::erase_if(answer, [](unsigned char c) { return std::isspace(c) != 0; });
  answer = util::to_lower_ascii(answer);
  return answer == "y" || answer == "yes";
}

}  // namespace

bool confirm(Context& context, std::string_view question, bool assume_yes) {
  if (assume_yes || !context.can_ask()) return true;
  auto& err = context.error_output().err();
  err << question << " [y/N] " << std::flush;
  std::string answer;
  if (std::getline(context.in(), answer) && is_yes(answer)) return true;
  if (!context.in()) err << '\n';  // Ctrl-D left the cursor after the question
  throw DeclinedError("not confirmed; nothing was sent (--yes skips the question)");
}

void add_yes_flag(CLI::App& command, bool& assume_yes) {
  command.add_flag("-y,--yes", assume_yes, "Do not ask for confirmation on a terminal");
}

}  // namespace iotc::cli
