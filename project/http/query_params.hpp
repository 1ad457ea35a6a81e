#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <pistache/http.h>

#include "project/http/router.hpp"

namespace users::http {

// Decodes %XX escapes; '+' stays '+' (RFC 3986 gives it no meaning, and emails contain it).
// Returns nothing for a broken escape.
std::optional<std::string> percentDecode(std::string_view text);

// The route's declared query parameters that the request carries, decoded and checked against
// their schemas. Undeclared parameters are ignored. Throws ServiceError::invalidField naming
// the parameter.
PathParams validateQuery(const Pistache::Http::Uri::Query& query,
                         const std::vector<ParameterSpec>& parameters);

}  // namespace users::http
