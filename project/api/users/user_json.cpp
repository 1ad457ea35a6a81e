#include "project/api/users/user_json.hpp"

#include "project/http/json_writer.hpp"

namespace users::api {
namespace {

void writeUser(http::JsonWriter& writer, const db::User& user) {
    writer.StartObject();
    writer.Key("id");
    writer.Int64(user.id);
    writer.Key("username");
    http::writeString(writer, user.username);
    writer.Key("email");
    http::writeString(writer, user.email);
    writer.Key("created_date");
    http::writeString(writer, user.createdDate);
    writer.EndObject();
}

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
    static const auto schema = std::make_shared<const http::JsonSchema>(R"({
        "title": "User",
        "type": "object",
        "required": ["id", "username", "email", "created_date"],
        "properties": {
            "id": {"type": "integer", "minimum": 1},
            "username": {"type": "string"},
            "email": {"type": "string", "format": "email"},
            "created_date": {"type": "string", "format": "date-time"}
        }
    })");
    return schema;
}

// The items spell User out again rather than refer to it, as the served document always has.
std::shared_ptr<const http::JsonSchema> userListSchema() {
    static const auto schema = std::make_shared<const http::JsonSchema>(R"({
        "title": "UserList",
        "type": "array",
        "items": {
            "type": "object",
            "required": ["id", "username", "email", "created_date"],
            "properties": {
                "id": {"type": "integer", "minimum": 1},
                "username": {"type": "string"},
                "email": {"type": "string", "format": "email"},
                "created_date": {"type": "string", "format": "date-time"}
            }
        }
    })");
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
    return http::writeJson([&user](http::JsonWriter& writer) { writeUser(writer, user); });
}

std::string userListJson(const std::vector<db::User>& users) {
    return http::writeJson([&users](http::JsonWriter& writer) {
        writer.StartArray();
        for (const auto& user : users) writeUser(writer, user);
        writer.EndArray();
    });
}

}  // namespace users::api
