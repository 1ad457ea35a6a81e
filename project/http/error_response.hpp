#pragma once

#include <memory>

#include "project/errors.hpp"
#include "project/http/json.hpp"
#include "project/http/response.hpp"

namespace users::http {

// Flask's 404 wording: no route matches, or a path parameter names nothing (/users/abc).
inline constexpr const char* kUrlNotFound = "The requested URL was not found on the server.";

// The body of every error: message, and errors by field or parameter when invalid.
std::shared_ptr<const JsonSchema> errorSchema();

// The one place where a failure becomes an HTTP status and a stable JSON body.
Response errorResponse(const ServiceError& error);

// For anything unexpected: never the exception text.
Response internalErrorResponse();

// Answers to requests refused by framing (400, 413, 501, 505; see framing.hpp), and the 408
// to one that did not arrive whole in time.
Response protocolErrorResponse(int status);

}  // namespace users::http
