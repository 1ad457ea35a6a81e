#pragma once

#include "project/api/response.hpp"
#include "project/errors.hpp"

namespace users::api {

// The one place where a failure becomes an HTTP status and a stable JSON body.
Response errorResponse(const ServiceError& error);

// For anything unexpected: never the exception text.
Response internalErrorResponse();

// Answers to requests Pistache could not parse or that exceeded the size limit.
Response protocolErrorResponse(int status);

}  // namespace users::api
