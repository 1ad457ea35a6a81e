#include "project/api/users/users_module.hpp"

#include "project/api/users/user_json.hpp"
#include "project/api/users/user_list_stream.hpp"
#include "project/errors.hpp"
#include "project/http/error_response.hpp"
#include "project/http/path_id.hpp"

namespace users::api {
namespace {

std::int64_t userId(const http::Request& request) {
    if (auto id = http::parsePathId(request.params.at("id"))) return *id;
    // As Flask's <int:id> converter: a malformed id is no route at all.
    throw ServiceError(ErrorKind::NotFound, http::kUrlNotFound);
}

ServiceError noSuchUser(std::int64_t id) {
    return {ErrorKind::NotFound, "User " + std::to_string(id) + " does not exist"};
}

std::shared_ptr<const http::JsonSchema> schema(const char* text) {
    return std::make_shared<const http::JsonSchema>(text);
}

constexpr const char* kIdDescription =
    "The user's id; anything but a non-negative integer is a 404, as is an id of no user";

}  // namespace

void UsersModule::registerRoutes(http::Router& router) const {
    const auto message = messageSchema();
    const auto id = schema(R"({"type": "integer", "minimum": 0})");
    const http::ResponseSpec invalid{400, "Invalid payload or email already taken",
                                     http::errorSchema()};
    const http::ResponseSpec missing{404, "No user with this id", message};
    http::ResponseSpec unavailable{503, "The database is unavailable", http::errorSchema()};
    unavailable.headers.emplace_back("Retry-After", "Seconds to wait before retrying");
    auto bind = [this](http::Reply (UsersModule::*handler)(const http::Request&) const) {
        return [this, handler](const http::Request& request) { return (this->*handler)(request); };
    };

    router.add(
        http::Route::get("/users")
            .summary("List users")
            .queryParameter("limit",
                            "Page size (1 to 1000): answers the first page, with a Link "
                            "rel=\"next\" header while more users follow",
                            schema(R"({"type": "integer", "minimum": 1, "maximum": 1000})"))
            .queryParameter("after", "Keyset cursor: only users whose id is greater",
                            schema(R"({"type": "integer", "minimum": 0})"))
            .queryParameter("email", "Only the user with this email, ignoring case",
                            schema(R"({"type": "string", "minLength": 1, "maxLength": 128})"))
            .responds(200,
                      "Without parameters every user; else the page or the user asked for. "
                      "Ordered by id",
                      userListSchema())
            .header("Link", "<...>; rel=\"next\": the next page, while more users follow")
            .responds(400, "Invalid query parameter", http::errorSchema())
            .responds(unavailable)
            .handle(bind(&UsersModule::list)));
    router.add(http::Route::post("/users")
                   .summary("Add a user")
                   .accepts(userInputSchema())
                   .responds(201, "The user was added", message)
                   .header("Location", "The new user's path: /users/<id>")
                   .responds(invalid)
                   .responds(unavailable)
                   .handle(bind(&UsersModule::create)));
    router.add(http::Route::get("/users/{id}")
                   .summary("Get one user")
                   .pathParameter("id", kIdDescription, id)
                   .responds(200, "The user", userSchema())
                   .responds(missing)
                   .responds(unavailable)
                   .handle(bind(&UsersModule::read)));
    router.add(http::Route::put("/users/{id}")
                   .summary("Update a user")
                   .pathParameter("id", kIdDescription, id)
                   .accepts(userInputSchema())
                   .responds(200, "The user was updated", message)
                   .responds(invalid)
                   .responds(missing)
                   .responds(unavailable)
                   .handle(bind(&UsersModule::update)));
    router.add(http::Route::del("/users/{id}")
                   .summary("Remove a user")
                   .pathParameter("id", kIdDescription, id)
                   .responds(200, "The user was removed", message)
                   .responds(missing)
                   .responds(unavailable)
                   .handle(bind(&UsersModule::remove)));
}

http::Reply UsersModule::list(const http::Request& request) const {
    if (request.query.empty()) return listEveryone(repository_, workers_);
    const std::int64_t after = request.query.integer("after").value_or(0);
    const auto limit = request.query.integer("limit");
    if (auto email = request.query.text("email")) {
        // At most one user: it passes any limit, but not an `after` beyond its id.
        return repository_.findByEmail(*email).then([after](std::optional<db::User> user) {
            std::vector<db::User> users;
            if (user && user->id > after) users.push_back(std::move(*user));
            return http::jsonResponse(200, userListJson(users));
        });
    }
    // One row more than asked says whether a next page exists.
    return repository_.listAfter(after, limit ? std::optional(*limit + 1) : std::nullopt)
        .then([limit](std::vector<db::User> users) {
            http::Response response;
            if (limit && static_cast<std::int64_t>(users.size()) > *limit) {
                users.pop_back();
                response.headers.emplace_back(
                    "Link", "</users?limit=" + std::to_string(*limit) +
                                "&after=" + std::to_string(users.back().id) + ">; rel=\"next\"");
            }
            response.body = userListJson(users);
            return response;
        });
}

http::Reply UsersModule::create(const http::Request& request) const {
    const db::UserInput input = toUserInput(*request.body);
    return repository_.create(input).then([email = input.email](std::int64_t id) {
        http::Response response = http::messageResponse(201, email + " was added!");
        response.headers.emplace_back("Location", "/users/" + std::to_string(id));
        return response;
    });
}

http::Reply UsersModule::read(const http::Request& request) const {
    const std::int64_t id = userId(request);
    return repository_.findById(id).then([id](std::optional<db::User> user) {
        if (!user) throw noSuchUser(id);
        return http::jsonResponse(200, userJson(*user));
    });
}

http::Reply UsersModule::update(const http::Request& request) const {
    const std::int64_t id = userId(request);
    return repository_.update(id, toUserInput(*request.body)).then([id](bool updated) {
        if (!updated) throw noSuchUser(id);
        return http::messageResponse(200, std::to_string(id) + " was updated!");
    });
}

http::Reply UsersModule::remove(const http::Request& request) const {
    const std::int64_t id = userId(request);
    return repository_.remove(id).then([id](std::optional<std::string> email) {
        if (!email) throw noSuchUser(id);
        return http::messageResponse(200, *email + " was removed!");
    });
}

}  // namespace users::api
