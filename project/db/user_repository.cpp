#include "project/db/user_repository.hpp"

#include "project/errors.hpp"

namespace users::db {
namespace {

// Every users statement: named, prepared once per connection.
constexpr const char* kColumns =
    "id, username, email, "
    "to_char(created_date AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')";

// Each of these follows selectUsers(). LIMIT NULL is no limit.
constexpr const char* kUsersAfter = " WHERE id > $1 ORDER BY id LIMIT $2";
// lower(email) is what the unique index covers.
constexpr const char* kUserByEmail = " WHERE lower(email) = lower($1)";
constexpr const char* kUserById = " WHERE id = $1";
constexpr const char* kInsertUser = "INSERT INTO users (username, email) VALUES ($1, $2)";
constexpr const char* kUpdateUser =
    "UPDATE users SET username = $2, email = $3 WHERE id = $1 RETURNING id";
constexpr const char* kDeleteUser = "DELETE FROM users WHERE id = $1 RETURNING email";
constexpr const char* kInsertUserIfAbsent =
    "INSERT INTO users (username, email) VALUES ($1, $2) "
    "ON CONFLICT ((lower(email))) DO NOTHING RETURNING id";

User toUser(const pqxx::row& row) {
    return {row[0].as<std::int64_t>(), row[1].as<std::string>(), row[2].as<std::string>(),
            row[3].as<std::string>()};
}

// Single statements run in autocommit: one round trip, and each is atomic on its own.
template <typename... Args>
pqxx::result execute(pqxx::connection& connection, const char* name, Args&&... args) {
    pqxx::nontransaction transaction(connection);
    try {
        return transaction.exec_prepared(name, std::forward<Args>(args)...);
    } catch (const pqxx::unique_violation&) {
        throw ServiceError(ErrorKind::Duplicate, "Sorry. That email already exists.");
    }
}

}  // namespace

void UserRepository::prepare(pqxx::connection& connection) {
    const std::string selectUsers = std::string("SELECT ") + kColumns + " FROM users";
    connection.prepare("users_after", selectUsers + kUsersAfter);
    connection.prepare("user_by_email", selectUsers + kUserByEmail);
    connection.prepare("user_by_id", selectUsers + kUserById);
    connection.prepare("insert_user", kInsertUser);
    connection.prepare("update_user", kUpdateUser);
    connection.prepare("delete_user", kDeleteUser);
    connection.prepare("insert_user_if_absent", kInsertUserIfAbsent);
}

std::vector<User> UserRepository::listAfter(std::int64_t after,
                                            std::optional<std::int64_t> limit) const {
    return pool_.run([after, limit](pqxx::connection& connection) {
        std::vector<User> users;
        for (const auto& row : execute(connection, "users_after", after, limit)) {
            users.push_back(toUser(row));
        }
        return users;
    });
}

std::optional<User> UserRepository::findByEmail(const std::string& email) const {
    return pool_.run([&email](pqxx::connection& connection) -> std::optional<User> {
        auto result = execute(connection, "user_by_email", email);
        if (result.empty()) return std::nullopt;
        return toUser(result[0]);
    });
}

std::optional<User> UserRepository::findById(std::int64_t id) const {
    return pool_.run([id](pqxx::connection& connection) -> std::optional<User> {
        auto result = execute(connection, "user_by_id", id);
        if (result.empty()) return std::nullopt;
        return toUser(result[0]);
    });
}

void UserRepository::create(const UserInput& input) const {
    pool_.run([&input](pqxx::connection& connection) {
        execute(connection, "insert_user", input.username, input.email);
    });
}

bool UserRepository::update(std::int64_t id, const UserInput& input) const {
    return pool_.run([&](pqxx::connection& connection) {
        return !execute(connection, "update_user", id, input.username, input.email).empty();
    });
}

std::optional<std::string> UserRepository::remove(std::int64_t id) const {
    return pool_.run([id](pqxx::connection& connection) -> std::optional<std::string> {
        auto result = execute(connection, "delete_user", id);
        if (result.empty()) return std::nullopt;
        return result[0][0].as<std::string>();
    });
}

bool UserRepository::createUnlessEmailTaken(const UserInput& input) const {
    return pool_.run([&input](pqxx::connection& connection) {
        return !execute(connection, "insert_user_if_absent", input.username, input.email).empty();
    });
}

}  // namespace users::db
