#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace users::http {

// A resource id from a path segment: digits only, no sign, 0..INT64_MAX, as Flask's <int:id>
// converter. Anything else is nullopt (Pistache's as<int>() would read "12abc" as 12).
std::optional<std::int64_t> parsePathId(std::string_view text);

}  // namespace users::http
