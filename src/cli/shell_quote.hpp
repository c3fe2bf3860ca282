#pragma once
// Words as a POSIX shell reads them, for the command lines the tool prints (completion scripts,
// the forms a refused --set value may take).

#include <string>
#include <string_view>

namespace iotc::cli {

// `text` as one single-quoted word of a POSIX shell (also fine for zsh and fish, bar backslashes).
std::string shell_quote(std::string_view text);

// `text` bare when no shell would change it, else shell_quote(text).
std::string shell_word(std::string_view text);

}  // namespace iotc::cli
