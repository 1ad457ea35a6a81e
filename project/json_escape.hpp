#pragma once

#include <string>
#include <string_view>

namespace users {

// `text` as the inside of a JSON string: quotes, backslashes and control characters escaped,
// invalid UTF-8 replaced by U+FFFD, so that a log line stays valid JSON whatever a client sent.
std::string jsonEscaped(std::string_view text);

}  // namespace users
