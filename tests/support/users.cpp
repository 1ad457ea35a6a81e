#include "tests/support/users.hpp"

#include <pqxx/pqxx>

#include "project/json_escape.hpp"
#include "tests/support/test_database.hpp"

namespace users::testing {

std::int64_t addUser(const std::string& username, const std::string& email) {
    pqxx::connection connection(testDatabaseUrl());
    pqxx::nontransaction transaction(connection);
    return transaction
        .exec_params1("INSERT INTO users (username, email) VALUES ($1, $2) RETURNING id", username,
                      email)[0]
        .as<std::int64_t>();
}

void addUserWithId(std::int64_t id, const std::string& username, const std::string& email) {
    pqxx::connection connection(testDatabaseUrl());
    pqxx::nontransaction transaction(connection);
    transaction.exec_params0("INSERT INTO users (id, username, email) VALUES ($1, $2, $3)", id,
                             username, email);
}

void addNumberedUsers(long long from, long long to) {
    pqxx::connection connection(testDatabaseUrl());
    pqxx::nontransaction transaction(connection);
    transaction.exec_params0(
        "INSERT INTO users (username, email) SELECT 'user' || i, 'user' || i || '@x.io' "
        "FROM generate_series($1::bigint, $2::bigint) AS i",
        from, to);
}

std::string userJson(const std::string& username, const std::string& email) {
    return R"({"username":")" + jsonEscaped(username) + R"(","email":")" + jsonEscaped(email) +
           R"("})";
}

}  // namespace users::testing
