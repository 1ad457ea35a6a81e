#include <gtest/gtest.h>

#include "project/config.hpp"

namespace users {
namespace {

using Env = std::map<std::string, std::string>;

std::string errorOf(const Env& env) {
    try {
        Config::fromEnvironment(env);
    } catch (const ConfigError& error) {
        return error.what();
    }
    return "";
}

TEST(Config, DefaultsToDevelopmentOnPort5000) {
    const Config config = Config::fromEnvironment({{"DATABASE_URL", "postgres://u@h/db"}});
    EXPECT_EQ(config.environment, Environment::Development);
    EXPECT_EQ(config.databaseUrl, "postgres://u@h/db");
    EXPECT_EQ(config.port, 5000);
    EXPECT_EQ(config.host, "0.0.0.0");
    EXPECT_EQ(config.logLevel, spdlog::level::info);
    EXPECT_GE(config.httpThreads, 1U);
    EXPECT_EQ(config.poolSize, 2 * config.httpThreads);  // two connections per reactor thread
    EXPECT_EQ(config.maxInFlight, 256U);
    EXPECT_EQ(config.workerThreads, config.httpThreads);  // both the usable CPUs
    EXPECT_EQ(config.workerQueueLimit, 256U);
}

TEST(Config, TestingReadsTheTestDatabaseUrl) {
    const Config config = Config::fromEnvironment({{"APP_SETTINGS", "testing"},
                                                   {"DATABASE_URL", "dbname=dev"},
                                                   {"DATABASE_TEST_URL", "dbname=test"}});
    EXPECT_EQ(config.environment, Environment::Testing);
    EXPECT_EQ(config.databaseUrl, "dbname=test");
}

TEST(Config, ReadsEveryTunable) {
    const Config config =
        Config::fromEnvironment({{"APP_SETTINGS", "production"},
                                 {"DATABASE_URL", "postgresql://h:5432/db?sslmode=require"},
                                 {"PORT", "8080"},
                                 {"HOST", "127.0.0.1"},
                                 {"LOG_LEVEL", "warn"},
                                 {"HTTP_THREADS", "3"},
                                 {"DB_POOL_SIZE", "5"},
                                 {"DB_MAX_IN_FLIGHT", "64"},
                                 {"DB_TIMEOUT_MS", "500"},
                                 {"WORKER_THREADS", "7"},
                                 {"WORKER_QUEUE_LIMIT", "9"},
                                 {"SHUTDOWN_TIMEOUT_MS", "25000"},
                                 {"WRITE_TIMEOUT_MS", "4000"}});
    EXPECT_EQ(config.environment, Environment::Production);
    EXPECT_EQ(config.port, 8080);
    EXPECT_EQ(config.host, "127.0.0.1");
    EXPECT_EQ(config.logLevel, spdlog::level::warn);
    EXPECT_EQ(config.httpThreads, 3U);
    EXPECT_EQ(config.poolSize, 5U);
    EXPECT_EQ(config.maxInFlight, 64U);
    EXPECT_EQ(config.databaseTimeout.count(), 500);
    EXPECT_EQ(config.workerThreads, 7U);
    EXPECT_EQ(config.workerQueueLimit, 9U);
    EXPECT_EQ(config.shutdownTimeout.count(), 25000);
    EXPECT_EQ(config.writeTimeout.count(), 4000);
}

// Each reactor thread owns its connections: fewer connections than threads cannot work.
TEST(Config, ThreadsNeverOutnumberTheConnections) {
    const Config fewer =
        Config::fromEnvironment({{"DATABASE_URL", "dbname=x"}, {"DB_POOL_SIZE", "1"}});
    EXPECT_EQ(fewer.httpThreads, 1U);
    EXPECT_EQ(errorOf({{"DATABASE_URL", "dbname=x"}, {"HTTP_THREADS", "4"}, {"DB_POOL_SIZE", "3"}}),
              "DB_POOL_SIZE (3) must be at least HTTP_THREADS (4): each thread owns at least one "
              "connection");
}

TEST(Config, ShutdownTimeoutDefaultsToTenSecondsAndIsChecked) {
    EXPECT_EQ(Config::fromEnvironment({{"DATABASE_URL", "dbname=x"}}).shutdownTimeout.count(),
              10000);
    EXPECT_EQ(Config::fromEnvironment({{"DATABASE_URL", "dbname=x"}, {"SHUTDOWN_TIMEOUT_MS", "0"}})
                  .shutdownTimeout.count(),
              0);
    for (const char* bad : {"-1", "600001", "10s", "1.5"}) {
        EXPECT_EQ(errorOf({{"DATABASE_URL", "dbname=x"}, {"SHUTDOWN_TIMEOUT_MS", bad}}),
                  std::string("SHUTDOWN_TIMEOUT_MS must be an integer from 0 to 600000, got '") +
                      bad + "'");
    }
}

TEST(Config, WriteTimeoutDefaultsToThirtySecondsAndIsChecked) {
    EXPECT_EQ(Config::fromEnvironment({{"DATABASE_URL", "dbname=x"}}).writeTimeout.count(), 30000);
    for (const char* bad : {"999", "600001", "30s"}) {
        EXPECT_EQ(errorOf({{"DATABASE_URL", "dbname=x"}, {"WRITE_TIMEOUT_MS", bad}}),
                  std::string("WRITE_TIMEOUT_MS must be an integer from 1000 to 600000, got '") +
                      bad + "'");
    }
}

TEST(Config, MissingDatabaseUrlNamesTheVariable) {
    EXPECT_EQ(errorOf({}), "DATABASE_URL is required");
    EXPECT_EQ(errorOf({{"APP_SETTINGS", "testing"}, {"DATABASE_URL", "dbname=x"}}),
              "DATABASE_TEST_URL is required");
}

TEST(Config, RejectsInvalidValuesNamingTheVariable) {
    const Env base = {{"DATABASE_URL", "dbname=x"}};
    auto with = [&](const std::string& name, const std::string& value) {
        Env env = base;
        env[name] = value;
        return errorOf(env);
    };
    EXPECT_NE(with("APP_SETTINGS", "staging").find("APP_SETTINGS"), std::string::npos);
    EXPECT_NE(with("PORT", "70000").find("PORT must be an integer"), std::string::npos);
    EXPECT_NE(with("PORT", "80abc").find("PORT"), std::string::npos);
    EXPECT_NE(with("HTTP_THREADS", "0").find("HTTP_THREADS"), std::string::npos);
    EXPECT_NE(with("DB_TIMEOUT_MS", "-1").find("DB_TIMEOUT_MS"), std::string::npos);
    EXPECT_NE(with("LOG_LEVEL", "loud").find("LOG_LEVEL"), std::string::npos);
    EXPECT_NE(with("DATABASE_URL", "postgres://h/db?no_such_option=1")
                  .find("DATABASE_URL is not a valid"),
              std::string::npos);
    EXPECT_NE(with("DATABASE_URL", "nonsense").find("DATABASE_URL"), std::string::npos);
}

TEST(Config, AcceptsLogLevelOff) {
    EXPECT_EQ(
        Config::fromEnvironment({{"DATABASE_URL", "dbname=x"}, {"LOG_LEVEL", "off"}}).logLevel,
        spdlog::level::off);
}

TEST(Config, MasksPasswordsInBothUrlForms) {
    EXPECT_EQ(maskPassword("postgres://bob:s3cret@db:5432/users?sslmode=require"),
              "postgres://bob:***@db:5432/users?sslmode=require");
    EXPECT_EQ(maskPassword("host=db password=s3cret dbname=users"),
              "host=db password=*** dbname=users");
    EXPECT_EQ(maskPassword("postgres://bob@db/users"), "postgres://bob@db/users");
}

TEST(Config, ReadsCorsOriginsAndTheSwaggerUiDirectory) {
    const Config defaults = Config::fromEnvironment({{"DATABASE_URL", "dbname=x"}});
    EXPECT_EQ(defaults.corsOrigins, (std::vector<std::string>{"*"}));
    EXPECT_FALSE(defaults.swaggerUiDir.empty());
    const Config listed =
        Config::fromEnvironment({{"DATABASE_URL", "dbname=x"},
                                 {"CORS_ORIGINS", " https://a.example, http://b.example:8080 ,"},
                                 {"SWAGGER_UI_DIR", "/opt/swagger"}});
    EXPECT_EQ(listed.corsOrigins,
              (std::vector<std::string>{"https://a.example", "http://b.example:8080"}));
    EXPECT_EQ(listed.swaggerUiDir, "/opt/swagger");
    EXPECT_NE(
        errorOf({{"DATABASE_URL", "dbname=x"}, {"CORS_ORIGINS", "a.example"}}).find("CORS_ORIGINS"),
        std::string::npos);
    EXPECT_NE(errorOf({{"DATABASE_URL", "dbname=x"}, {"CORS_ORIGINS", " , "}}).find("CORS_ORIGINS"),
              std::string::npos);
}

TEST(Config, ReadsTheProcessEnvironment) {
    ::setenv("USERS_CONFIG_TEST_VARIABLE", "a=b", 1);
    EXPECT_EQ(processEnvironment().at("USERS_CONFIG_TEST_VARIABLE"), "a=b");
}

}  // namespace
}  // namespace users
