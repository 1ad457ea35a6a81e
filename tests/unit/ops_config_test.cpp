#include <gtest/gtest.h>

#include "project/config.hpp"

namespace users {
namespace {

using Env = std::map<std::string, std::string>;

Config withDatabase(Env env) {
    env.emplace("DATABASE_URL", "postgres://bob:s3cret@db:5432/users");
    return Config::fromEnvironment(env);
}

TEST(OpsConfig, DefaultsToTextLogsAndMetricsOn) {
    const Config config = withDatabase({});
    EXPECT_EQ(config.logFormat, LogFormat::Text);
    EXPECT_TRUE(config.metricsEnabled);
}

TEST(OpsConfig, ReadsLogFormatAndMetricsSwitch) {
    EXPECT_EQ(withDatabase({{"LOG_FORMAT", "json"}}).logFormat, LogFormat::Json);
    EXPECT_EQ(withDatabase({{"LOG_FORMAT", "text"}}).logFormat, LogFormat::Text);
    EXPECT_FALSE(withDatabase({{"METRICS_ENABLED", "false"}}).metricsEnabled);
    EXPECT_FALSE(withDatabase({{"METRICS_ENABLED", "0"}}).metricsEnabled);
    EXPECT_TRUE(withDatabase({{"METRICS_ENABLED", "1"}}).metricsEnabled);
}

TEST(OpsConfig, RejectsUnknownValuesNamingTheVariable) {
    EXPECT_THROW(
        {
            try {
                withDatabase({{"LOG_FORMAT", "xml"}});
            } catch (const ConfigError& error) {
                EXPECT_STREQ(error.what(), "LOG_FORMAT must be text or json, got 'xml'");
                throw;
            }
        },
        ConfigError);
    EXPECT_THROW(
        {
            try {
                withDatabase({{"METRICS_ENABLED", "yes"}});
            } catch (const ConfigError& error) {
                EXPECT_STREQ(error.what(),
                             "METRICS_ENABLED must be true, false, 1 or 0, got 'yes'");
                throw;
            }
        },
        ConfigError);
}

TEST(OpsConfig, DescribesTheEffectiveConfigWithoutThePassword) {
    const std::string text = describe(withDatabase({{"APP_SETTINGS", "production"},
                                                    {"PORT", "8080"},
                                                    {"LOG_FORMAT", "json"},
                                                    {"HTTP_THREADS", "6"},
                                                    {"METRICS_ENABLED", "false"}}));
    EXPECT_EQ(text.find("s3cret"), std::string::npos) << text;
    for (const char* expected :
         {"APP_SETTINGS=production", "DATABASE_URL=postgres://bob:***@db:5432/users", "PORT=8080",
          "LOG_LEVEL=info", "LOG_FORMAT=json", "HTTP_THREADS=6", "DB_POOL_SIZE=12",
          "DB_MAX_IN_FLIGHT=256", "DB_TIMEOUT_MS=2000", "WORKER_QUEUE_LIMIT=256",
          "SHUTDOWN_TIMEOUT_MS=10000", "WRITE_TIMEOUT_MS=30000", "METRICS_ENABLED=false",
          "HOST=0.0.0.0"}) {
        EXPECT_NE(text.find(expected), std::string::npos) << expected << " in " << text;
    }
    EXPECT_NE(describe(withDatabase({})).find("APP_SETTINGS=development"), std::string::npos);
}

}  // namespace
}  // namespace users
