#include "project/api/users/users_module.hpp"

#include "project/api/path_id.hpp"
#include "project/api/users/user_json.hpp"
#include "project/errors.hpp"

namespace users::api {
namespace {

using Pistache::Http::Method;

std::int64_t userId(const Request& request) {
    if (auto id = parsePathId(request.params.at("id"))) return *id;
    // As Flask's <int:id> converter: a malformed id is no route at all.
    throw ServiceError(ErrorKind::NotFound, kUrlNotFound);
}

ServiceError noSuchUser(std::int64_t id) {
    return {ErrorKind::NotFound, "User " + std::to_string(id) + " does not exist"};
}

}  // namespace

void UsersModule::registerRoutes(Router& router) const {
    const auto message = messageSchema();
    const ResponseSpec invalid{400, "Invalid payload or email already taken", errorSchema()};
    const ResponseSpec missing{404, "No user with this id", message};
    auto bind = [this](Response (UsersModule::*handler)(const Request&) const) {
        return [this, handler](const Request& request) { return (this->*handler)(request); };
    };

    router.add({Method::Get,
                "/users",
                "List all users",
                nullptr,
                {{200, "Every user, ordered by id", userListSchema()}},
                bind(&UsersModule::list)});
    router.add({Method::Post,
                "/users",
                "Add a user",
                userInputSchema(),
                {{201, "The user was added", message}, invalid},
                bind(&UsersModule::create)});
    router.add({Method::Get,
                "/users/{id}",
                "Get one user",
                nullptr,
                {{200, "The user", userSchema()}, missing},
                bind(&UsersModule::read)});
    router.add({Method::Put,
                "/users/{id}",
                "Update a user",
                userInputSchema(),
                {{200, "The user was updated", message}, invalid, missing},
                bind(&UsersModule::update)});
    router.add({Method::Delete,
                "/users/{id}",
                "Remove a user",
                nullptr,
                {{200, "The user was removed", message}, missing},
                bind(&UsersModule::remove)});
}

Response UsersModule::list(const Request&) const {
    return jsonResponse(200, userListJson(repository_.list()));
}

Response UsersModule::create(const Request& request) const {
    const db::UserInput input = toUserInput(*request.body);
    repository_.create(input);
    return messageResponse(201, input.email + " was added!");
}

Response UsersModule::read(const Request& request) const {
    const std::int64_t id = userId(request);
    if (auto user = repository_.findById(id)) return jsonResponse(200, userJson(*user));
    throw noSuchUser(id);
}

Response UsersModule::update(const Request& request) const {
    const std::int64_t id = userId(request);
    if (!repository_.update(id, toUserInput(*request.body))) throw noSuchUser(id);
    return messageResponse(200, std::to_string(id) + " was updated!");
}

Response UsersModule::remove(const Request& request) const {
    const std::int64_t id = userId(request);
    if (auto email = repository_.remove(id)) return messageResponse(200, *email + " was removed!");
    throw noSuchUser(id);
}

}  // namespace users::api
