#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <pistache/http.h>

#include "project/http/query_values.hpp"
#include "project/http/route.hpp"

namespace users::http {

// Decodes %XX escapes; '+' stays '+' (RFC 3986 gives it no meaning, and emails contain it).
// Returns nothing for a broken escape.
std::optional<std::string> percentDecode(std::string_view text);

// The route's declared query parameters that the request carries, decoded, checked against
// their schemas and typed by them. Undeclared parameters are ignored. Throws
// ServiceError::invalidField naming the parameter.
QueryValues validateQuery(const Pistache::Http::Uri::Query& query,
                          const std::vector<ParameterSpec>& parameters);

}  // namespace users::http
