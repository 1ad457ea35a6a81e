#pragma once

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace users {

// What went wrong, in the service's terms; http/error_response.cpp alone turns it into HTTP.
enum class ErrorKind {
    InvalidInput,  // a payload or parameter failed validation (names the field)
    Duplicate,     // a unique value (the email) is taken
    NotFound,
    MethodNotAllowed,  // carries the allowed methods; the HTTP layer words the answer
    DatabaseUnavailable,
    Busy,  // a bounded queue (the worker pool's) is full
};

class ServiceError : public std::runtime_error {
public:
    // `message` is for the client; `detail` (if any) only for the log.
    ServiceError(ErrorKind kind, std::string message, const std::string& detail = "")
        : std::runtime_error(detail.empty() ? message : detail),
          kind_(kind),
          message_(std::move(message)) {}

    ErrorKind kind() const { return kind_; }
    const std::string& message() const { return message_; }

    // The field named by an InvalidInput error, or the methods of a MethodNotAllowed error.
    const std::vector<std::string>& items() const { return items_; }

    static ServiceError invalidField(const std::string& field, const std::string& reason) {
        ServiceError error(ErrorKind::InvalidInput, reason);
        error.items_ = {field};
        return error;
    }
    static ServiceError methodNotAllowed(std::vector<std::string> allowed) {
        ServiceError error(ErrorKind::MethodNotAllowed, "", "method not allowed");
        error.items_ = std::move(allowed);
        return error;
    }
    static ServiceError unavailable(const std::string& detail) {
        return {ErrorKind::DatabaseUnavailable,
                "The database is unavailable, please retry shortly.", detail};
    }
    static ServiceError busy(const std::string& detail) {
        return {ErrorKind::Busy, "The server is busy, please retry shortly.", detail};
    }

private:
    ErrorKind kind_;
    std::string message_;
    std::vector<std::string> items_;
};

}  // namespace users
