#include "project/http/error_response.hpp"

#include "project/http/json_writer.hpp"

namespace users::http {
namespace {

constexpr const char* kMethodNotAllowed = "The method is not allowed for the requested URL.";

std::string validationJson(const std::string& field, const std::string& reason) {
    return writeJson([&](JsonWriter& writer) {
        writer.StartObject();
        writer.Key("message");
        writer.String("Input payload validation failed");
        writer.Key("errors");
        writer.StartObject();
        writeKey(writer, field);
        writeString(writer, reason);
        writer.EndObject();
        writer.EndObject();
    });
}

}  // namespace

std::shared_ptr<const JsonSchema> errorSchema() {
    static const auto schema = std::make_shared<const JsonSchema>(
        R"({"title": "Error", "type": "object", "required": ["message"],
            "properties": {"message": {"type": "string"},
                           "errors": {"type": "object",
                                      "additionalProperties": {"type": "string"}}}})");
    return schema;
}

Response errorResponse(const ServiceError& error) {
    switch (error.kind()) {
        case ErrorKind::InvalidInput:
            return jsonResponse(400, validationJson(error.items().at(0), error.message()));
        case ErrorKind::Duplicate:
            return messageResponse(400, error.message());
        case ErrorKind::NotFound:
            return messageResponse(404, error.message());
        case ErrorKind::MethodNotAllowed: {
            Response response = messageResponse(405, kMethodNotAllowed);
            response.headers.emplace_back("Allow", joinList(error.items()));
            return response;
        }
        case ErrorKind::DatabaseUnavailable:
        case ErrorKind::Busy: {
            Response response = messageResponse(503, error.message());
            response.headers.emplace_back("Retry-After", "1");
            return response;
        }
    }
    return internalErrorResponse();
}

Response internalErrorResponse() { return messageResponse(500, "Internal server error"); }

Response protocolErrorResponse(int status) {
    switch (status) {
        case 408:
            return messageResponse(408, "Request not received in time");
        case 413:
            return messageResponse(413, "Request too large");
        case 501:
            return messageResponse(501, "Transfer coding not implemented");
        case 505:
            return messageResponse(505, "HTTP version not supported");
        default:
            return messageResponse(400, "Malformed HTTP request");
    }
}

}  // namespace users::http
