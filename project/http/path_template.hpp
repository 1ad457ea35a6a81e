#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace users::http {

// "/users/{id}/" -> {"users", "{id}"}: the non-empty segments between slashes. The views point
// into `path`.
std::vector<std::string_view> pathSegments(std::string_view path);

// "{id}" -> "id"; nothing for a fixed segment such as "users".
std::optional<std::string_view> parameterName(std::string_view segment);

}  // namespace users::http
