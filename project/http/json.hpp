#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include <rapidjson/document.h>
#include <rapidjson/schema.h>

namespace users::http {

// A JSON Schema kept both as text (for documentation) and compiled (for validation).
class JsonSchema {
public:
    explicit JsonSchema(std::string_view text);

    const rapidjson::Document& json() const { return json_; }
    const rapidjson::SchemaDocument& compiled() const { return *compiled_; }

    // RapidJSON 1.1 keeps a "pattern" regex's match state inside the compiled schema, so
    // concurrent validations corrupt it (an assertion abort under parallel POSTs): one at a time,
    // for bodies and query values alike.
    bool validate(const rapidjson::Document& document,
                  rapidjson::SchemaValidator& validator) const {
        std::lock_guard lock(validating_);
        return document.Accept(validator);
    }

private:
    rapidjson::Document json_;
    std::unique_ptr<rapidjson::SchemaDocument> compiled_;
    mutable std::mutex validating_;
};

// Deeper bodies are refused before validation: RapidJSON's validator and writers recurse.
constexpr unsigned kMaxJsonDepth = 32;

// Parses `body` iteratively, validates it against `schema`, and checks that every top-level
// string is NUL-free valid UTF-8 (libpqxx truncates at NUL). Throws ServiceError::invalidField.
rapidjson::Document parseBody(std::string_view body, const JsonSchema& schema);

// No NUL byte and valid UTF-8: what PostgreSQL and libpqxx can store unchanged.
bool isCleanText(std::string_view text);

std::string toJson(const rapidjson::Value& value);

// {"message": message}
std::string messageJson(const std::string& message);

}  // namespace users::http
