#pragma once

#include <memory>
#include <string>
#include <vector>

#include "project/db/user_repository.hpp"
#include "project/http/json.hpp"

namespace users::api {

// The request and response schemas of the users resource: they validate and they document.
// A "title" names the schema in the OpenAPI document's components.
std::shared_ptr<const http::JsonSchema> userInputSchema();
std::shared_ptr<const http::JsonSchema> userSchema();
std::shared_ptr<const http::JsonSchema> userListSchema();
std::shared_ptr<const http::JsonSchema> messageSchema();

// Reads a body that userInputSchema() already accepted; other members (id, created_date) are
// ignored.
db::UserInput toUserInput(const rapidjson::Document& body);

std::string userJson(const db::User& user);
std::string userListJson(const std::vector<db::User>& users);

}  // namespace users::api
