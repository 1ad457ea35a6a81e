#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace users {

// The whole of `text` as a decimal integer that fits 64 bits: an optional '-' then digits, and
// nothing else (no '+', no spaces, no trailing characters). Callers check their own range.
std::optional<std::int64_t> parseInteger(std::string_view text);

}  // namespace users
