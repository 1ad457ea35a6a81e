#include "tests/support/test_database.hpp"

#include <cstdlib>
#include <stdexcept>

#include <pqxx/pqxx>

#include "project/db/schema.hpp"

namespace users::testing {

std::string testDatabaseUrl() {
    const char* url = std::getenv("DATABASE_TEST_URL");
    if (url == nullptr || *url == '\0') {
        throw std::runtime_error(
            "DATABASE_TEST_URL is not set: run the suite with scripts/test, which starts "
            "PostgreSQL");
    }
    return url;
}

std::map<std::string, std::string> testEnvironment(std::map<std::string, std::string> extra) {
    extra.emplace("APP_SETTINGS", "testing");
    extra.emplace("DATABASE_TEST_URL", testDatabaseUrl());
    return extra;
}

Config testConfig() {
    return Config::fromEnvironment(testEnvironment({{"HOST", "127.0.0.1"},
                                                    {"PORT", "0"},
                                                    {"HTTP_THREADS", "4"},
                                                    {"DB_POOL_SIZE", "4"},
                                                    {"DB_TIMEOUT_MS", "1000"}}));
}

void recreateTestDatabase() {
    pqxx::connection connection(testDatabaseUrl());
    db::recreateSchema(connection);
}

std::string queryValue(const std::string& sql) {
    pqxx::connection connection(testDatabaseUrl());
    pqxx::nontransaction transaction(connection);
    const pqxx::result result = transaction.exec(sql);
    return result.empty() || result[0][0].is_null() ? "" : result[0][0].as<std::string>();
}

long long countUsers() { return std::stoll(queryValue("SELECT count(*) FROM users")); }

}  // namespace users::testing
