#include "project/db/user_repository.hpp"

#include "project/db/engine.hpp"
#include "project/db/user_statements.hpp"

namespace users::db {
namespace {

std::optional<User> firstUser(const Rows& rows) {
    if (rows.empty()) return std::nullopt;
    return userOf(rows, 0);
}

Later<Rows> run(const char* statement, Params params, Access access) {
    return Engine::current().run(statement, std::move(params), access);
}

}  // namespace

Later<std::vector<User>> UserRepository::listAfter(std::int64_t after,
                                                   std::optional<std::int64_t> limit) const {
    Params params{std::to_string(after), std::nullopt};
    if (limit) params[1] = std::to_string(*limit);
    return run("users_after", std::move(params), Access::Read).then([](const Rows& rows) {
        std::vector<User> users;
        users.reserve(static_cast<std::size_t>(rows.size()));
        for (int row = 0; row < rows.size(); ++row) users.push_back(userOf(rows, row));
        return users;
    });
}

Later<std::optional<User>> UserRepository::findByEmail(const std::string& email) const {
    return run("user_by_email", {email}, Access::Read).then(firstUser);
}

Later<std::optional<User>> UserRepository::findById(std::int64_t id) const {
    return run("user_by_id", {std::to_string(id)}, Access::Read).then(firstUser);
}

Later<std::int64_t> UserRepository::create(const UserInput& input) const {
    return run("insert_user", {input.username, input.email}, Access::Insert)
        .then([](const Rows& rows) { return rows.integer(0, 0); });
}

Later<bool> UserRepository::update(std::int64_t id, const UserInput& input) const {
    return run("update_user", {std::to_string(id), input.username, input.email}, Access::Write)
        .then([](const Rows& rows) { return !rows.empty(); });
}

Later<std::optional<std::string>> UserRepository::remove(std::int64_t id) const {
    return run("delete_user", {std::to_string(id)}, Access::Write)
        .then([](const Rows& rows) -> std::optional<std::string> {
            if (rows.empty()) return std::nullopt;
            return rows.text(0, 0);
        });
}

}  // namespace users::db
