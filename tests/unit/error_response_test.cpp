#include <gtest/gtest.h>

#include "project/http/error_response.hpp"

namespace users::http {
namespace {

std::string header(const Response& response, const std::string& name) {
    for (const auto& [key, value] : response.headers) {
        if (key == name) return value;
    }
    return "";
}

TEST(ErrorResponse, ValidationNamesTheField) {
    const Response response = errorResponse(ServiceError::invalidField("email", "is bad"));
    EXPECT_EQ(response.status, 400);
    EXPECT_EQ(response.body,
              R"({"message":"Input payload validation failed","errors":{"email":"is bad"}})");
}

TEST(ErrorResponse, DuplicateIsABadRequestWithItsMessage) {
    const Response response = errorResponse({ErrorKind::Duplicate, "Sorry."});
    EXPECT_EQ(response.status, 400);
    EXPECT_EQ(response.body, R"({"message":"Sorry."})");
}

TEST(ErrorResponse, NotFound) {
    EXPECT_EQ(errorResponse({ErrorKind::NotFound, "User 9 does not exist"}).status, 404);
}

TEST(ErrorResponse, MethodNotAllowedListsTheMethods) {
    const Response response = errorResponse(ServiceError::methodNotAllowed({"GET", "POST"}));
    EXPECT_EQ(response.status, 405);
    EXPECT_EQ(response.body, R"({"message":"The method is not allowed for the requested URL."})");
    EXPECT_EQ(header(response, "Allow"), "GET, POST");
}

TEST(ErrorResponse, UnavailableHidesTheDetail) {
    const Response response = errorResponse(ServiceError::unavailable("FATAL: secret detail"));
    EXPECT_EQ(response.status, 503);
    EXPECT_EQ(header(response, "Retry-After"), "1");
    EXPECT_EQ(response.body.find("secret"), std::string::npos);
}

TEST(ErrorResponse, BusyIsA503ToRetryThatNamesNoQueue) {
    const Response response = errorResponse(ServiceError::busy("the worker queue is full"));
    EXPECT_EQ(response.status, 503);
    EXPECT_EQ(header(response, "Retry-After"), "1");
    EXPECT_EQ(response.body, R"({"message":"The server is busy, please retry shortly."})");
}

TEST(ErrorResponse, InternalAndProtocolErrorsAreGenericJson) {
    EXPECT_EQ(internalErrorResponse().status, 500);
    EXPECT_EQ(internalErrorResponse().body, R"({"message":"Internal server error"})");
    EXPECT_EQ(protocolErrorResponse(413).status, 413);
    EXPECT_EQ(protocolErrorResponse(400).body, R"({"message":"Malformed HTTP request"})");
}

}  // namespace
}  // namespace users::http
