#include "project/db/user_statements.hpp"

#include <string>

namespace users::db {
namespace {

constexpr const char* kColumns =
    "id, username, email, "
    "to_char(created_date AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')";

std::string selectUsers(const char* condition) {
    return std::string("SELECT ") + kColumns + " FROM users" + condition;
}

}  // namespace

const std::vector<Statement>& userStatements() {
    static const std::vector<Statement> statements = {
        // LIMIT NULL is no limit.
        {"users_after", selectUsers(" WHERE id > $1 ORDER BY id LIMIT $2")},
        // lower(email) is what the unique index covers.
        {"user_by_email", selectUsers(" WHERE lower(email) = lower($1)")},
        {"user_by_id", selectUsers(" WHERE id = $1")},
        {"insert_user", "INSERT INTO users (username, email) VALUES ($1, $2) RETURNING id"},
        {"update_user", "UPDATE users SET username = $2, email = $3 WHERE id = $1 RETURNING id"},
        {"delete_user", "DELETE FROM users WHERE id = $1 RETURNING email"},
        {"insert_user_if_absent",
         "INSERT INTO users (username, email) VALUES ($1, $2) "
         "ON CONFLICT ((lower(email))) DO NOTHING RETURNING id"},
    };
    return statements;
}

void prepareUserStatements(pqxx::connection& connection) {
    for (const auto& statement : userStatements())
        connection.prepare(statement.name, statement.sql);
}

User userOf(const Rows& rows, int row) {
    return {rows.integer(row, 0), rows.text(row, 1), rows.text(row, 2), rows.text(row, 3)};
}

}  // namespace users::db
