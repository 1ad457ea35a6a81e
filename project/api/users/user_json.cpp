#include "project/api/users/user_json.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace users::api {
namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void writeString(Writer& writer, const std::string& text) {
    writer.String(text.c_str(), static_cast<rapidjson::SizeType>(text.size()));
}

void writeUser(Writer& writer, const db::User& user) {
    writer.StartObject();
    writer.Key("id");
    writer.Int64(user.id);
    writer.Key("username");
    writeString(writer, user.username);
    writer.Key("email");
    writeString(writer, user.email);
    writer.Key("created_date");
    writeString(writer, user.createdDate);
    writer.EndObject();
}

constexpr const char* kUserProperties = R"(
    "id": {"type": "integer", "minimum": 1},
    "username": {"type": "string"},
    "email": {"type": "string", "format": "email"},
    "created_date": {"type": "string", "format": "date-time"})";

}  // namespace

std::shared_ptr<const http::JsonSchema> userInputSchema() {
    // RapidJSON 1.1 ignores "format": the pattern is what checks the address.
    static const auto schema = std::make_shared<const http::JsonSchema>(R"({
        "title": "UserInput",
        "type": "object",
        "required": ["username", "email"],
        "properties": {
            "username": {"type": "string", "minLength": 1, "maxLength": 128},
            "email": {"type": "string", "minLength": 1, "maxLength": 128, "format": "email",
                      "pattern": "^[^@ \\t\\r\\n]+@[^@ \\t\\r\\n.]+(\\.[^@ \\t\\r\\n.]+)+$"}
        }
    })");
    return schema;
}

std::shared_ptr<const http::JsonSchema> userSchema() {
    static const auto schema =
        std::make_shared<const http::JsonSchema>(std::string(R"({"title": "User", "type": "object",
                        "required": ["id", "username", "email", "created_date"],
                        "properties": {)") +
                                           kUserProperties + "}}");
    return schema;
}

std::shared_ptr<const http::JsonSchema> userListSchema() {
    static const auto schema = std::make_shared<const http::JsonSchema>(
        std::string(R"({"title": "UserList", "type": "array", "items": {"type": "object",
                        "required": ["id", "username", "email", "created_date"],
                        "properties": {)") +
        kUserProperties + "}}}");
    return schema;
}

std::shared_ptr<const http::JsonSchema> messageSchema() {
    static const auto schema = std::make_shared<const http::JsonSchema>(
        R"({"title": "Message", "type": "object", "required": ["message"],
            "properties": {"message": {"type": "string"}}})");
    return schema;
}

db::UserInput toUserInput(const rapidjson::Document& body) {
    return {body["username"].GetString(), body["email"].GetString()};
}

std::string userJson(const db::User& user) {
    rapidjson::StringBuffer buffer;
    Writer writer(buffer);
    writeUser(writer, user);
    return {buffer.GetString(), buffer.GetSize()};
}

std::string userListJson(const std::vector<db::User>& users) {
    rapidjson::StringBuffer buffer;
    Writer writer(buffer);
    writer.StartArray();
    for (const auto& user : users) writeUser(writer, user);
    writer.EndArray();
    return {buffer.GetString(), buffer.GetSize()};
}

}  // namespace users::api
