#include "project/config.hpp"

#include <algorithm>
#include <regex>
#include <sstream>

#include <fmt/format.h>
#include <libpq-fe.h>
#include <unistd.h>  // environ (glibc declares it under _GNU_SOURCE, which g++ defines)

#include "project/cpu_quota.hpp"
#include "project/integer.hpp"

namespace users {
namespace {

using Env = std::map<std::string, std::string>;

std::string get(const Env& env, const std::string& name, const std::string& fallback = "") {
    auto it = env.find(name);
    return it == env.end() || it->second.empty() ? fallback : it->second;
}

long long integer(const Env& env, const std::string& name, long long fallback, long long min,
                  long long max) {
    const std::string text = get(env, name);
    if (text.empty()) return fallback;
    const auto value = parseInteger(text);
    if (!value || *value < min || *value > max) {
        throw ConfigError(name + " must be an integer from " + std::to_string(min) + " to " +
                          std::to_string(max) + ", got '" + text + "'");
    }
    return *value;
}

Environment parseEnvironment(const Env& env) {
    const std::string name = get(env, "APP_SETTINGS", "development");
    if (name == "development") return Environment::Development;
    if (name == "testing") return Environment::Testing;
    if (name == "production") return Environment::Production;
    throw ConfigError("APP_SETTINGS must be development, testing or production, got '" + name +
                      "'");
}

std::string parseDatabaseUrl(const Env& env, Environment environment) {
    const char* variable =
        environment == Environment::Testing ? "DATABASE_TEST_URL" : "DATABASE_URL";
    std::string url = get(env, variable);
    if (url.empty()) throw ConfigError(std::string(variable) + " is required");
    char* error = nullptr;
    PQconninfoOption* options = PQconninfoParse(url.c_str(), &error);
    if (options == nullptr) {
        std::string reason = error != nullptr ? error : "unparsable";
        PQfreemem(error);
        reason.erase(reason.find_last_not_of('\n') + 1);
        throw ConfigError(std::string(variable) + " is not a valid PostgreSQL URL: " + reason);
    }
    PQconninfoFree(options);
    return url;
}

spdlog::level::level_enum parseLogLevel(const Env& env) {
    const std::string name = get(env, "LOG_LEVEL", "info");
    auto level = spdlog::level::from_str(name);
    // from_str maps anything unknown to "off": only accept "off" when asked for.
    if (level == spdlog::level::off && name != "off") {
        throw ConfigError(
            "LOG_LEVEL must be trace, debug, info, warn, error, critical or off, got '" + name +
            "'");
    }
    return level;
}

// "*", or a comma list of origins such as https://app.example.com (scheme://host[:port]).
std::vector<std::string> parseCorsOrigins(const Env& env) {
    static const std::regex origin(R"(^https?://[A-Za-z0-9.\-]+(:[0-9]{1,5})?$)");
    std::vector<std::string> origins;
    std::stringstream list(get(env, "CORS_ORIGINS", "*"));
    for (std::string item; std::getline(list, item, ',');) {
        item.erase(0, item.find_first_not_of(' '));
        item.erase(item.find_last_not_of(' ') + 1);
        if (item.empty()) continue;
        if (item != "*" && !std::regex_match(item, origin)) {
            throw ConfigError(
                "CORS_ORIGINS must be * or a comma list of origins such as "
                "https://app.example.com, got '" +
                item + "'");
        }
        origins.push_back(item);
    }
    if (origins.empty()) throw ConfigError("CORS_ORIGINS must name at least one origin or *");
    return origins;
}

LogFormat parseLogFormat(const Env& env) {
    const std::string name = get(env, "LOG_FORMAT", "text");
    if (name == "text") return LogFormat::Text;
    if (name == "json") return LogFormat::Json;
    throw ConfigError("LOG_FORMAT must be text or json, got '" + name + "'");
}

bool flag(const Env& env, const std::string& name, bool fallback) {
    const std::string text = get(env, name);
    if (text.empty()) return fallback;
    if (text == "true" || text == "1") return true;
    if (text == "false" || text == "0") return false;
    throw ConfigError(name + " must be true, false, 1 or 0, got '" + text + "'");
}

}  // namespace

Config Config::fromEnvironment(const Env& env) {
    Config config;
    config.environment = parseEnvironment(env);
    config.databaseUrl = parseDatabaseUrl(env, config.environment);
    config.host = get(env, "HOST", config.host);
    config.port = static_cast<std::uint16_t>(integer(env, "PORT", 5000, 0, 65535));
    config.logLevel = parseLogLevel(env);
    config.logFormat = parseLogFormat(env);
    config.metricsEnabled = flag(env, "METRICS_ENABLED", true);
    const bool threadsSet = !get(env, "HTTP_THREADS").empty();
    config.httpThreads = static_cast<unsigned>(
        integer(env, "HTTP_THREADS", defaultHttpThreads(availableCpus()), 1, 256));
    config.poolSize =
        static_cast<unsigned>(integer(env, "DB_POOL_SIZE", 2LL * config.httpThreads, 1, 512));
    // Each reactor thread owns its connections: a thread without one could only answer 503.
    if (config.poolSize < config.httpThreads) {
        if (threadsSet) {
            throw ConfigError("DB_POOL_SIZE (" + std::to_string(config.poolSize) +
                              ") must be at least HTTP_THREADS (" +
                              std::to_string(config.httpThreads) +
                              "): each thread owns at least one connection");
        }
        config.httpThreads = config.poolSize;
    }
    config.maxInFlight = static_cast<unsigned>(integer(env, "DB_MAX_IN_FLIGHT", 256, 1, 100000));
    config.databaseTimeout =
        std::chrono::milliseconds(integer(env, "DB_TIMEOUT_MS", 2000, 100, 60000));
    config.workerThreads = static_cast<unsigned>(
        integer(env, "WORKER_THREADS", defaultHttpThreads(availableCpus()), 1, 256));
    config.workerQueueLimit =
        static_cast<unsigned>(integer(env, "WORKER_QUEUE_LIMIT", 256, 1, 100000));
    config.shutdownTimeout =
        std::chrono::milliseconds(integer(env, "SHUTDOWN_TIMEOUT_MS", 10000, 0, 600000));
    config.writeTimeout =
        std::chrono::milliseconds(integer(env, "WRITE_TIMEOUT_MS", 30000, 1000, 600000));
    config.corsOrigins = parseCorsOrigins(env);
    config.swaggerUiDir = get(env, "SWAGGER_UI_DIR", config.swaggerUiDir);
    return config;
}

// No reactor thread waits on the database, so one per usable CPU keeps them all busy.
unsigned defaultHttpThreads(unsigned cpus) { return std::clamp(cpus, 1U, 256U); }

Env processEnvironment() {
    Env env;
    for (char** entry = environ; *entry != nullptr; ++entry) {
        const std::string text = *entry;
        const auto equals = text.find('=');
        if (equals != std::string::npos) env[text.substr(0, equals)] = text.substr(equals + 1);
    }
    return env;
}

std::string maskPassword(const std::string& databaseUrl) {
    static const std::regex uriPassword(R"(^([a-z]+://[^:/@]*:)[^@]*@)");
    static const std::regex keywordPassword(R"((password\s*=\s*)('[^']*'|\S+))");
    std::string masked = std::regex_replace(databaseUrl, uriPassword, "$1***@");
    return std::regex_replace(masked, keywordPassword, "$1***");
}

namespace {

const char* environmentName(Environment environment) {
    switch (environment) {
        case Environment::Testing:
            return "testing";
        case Environment::Production:
            return "production";
        case Environment::Development:
            break;
    }
    return "development";
}

}  // namespace

std::string describe(const Config& config) {
    return fmt::format(
        "APP_SETTINGS={} DATABASE_URL={} HOST={} PORT={} LOG_LEVEL={} LOG_FORMAT={} "
        "HTTP_THREADS={} DB_POOL_SIZE={} DB_MAX_IN_FLIGHT={} DB_TIMEOUT_MS={} "
        "WORKER_THREADS={} WORKER_QUEUE_LIMIT={} SHUTDOWN_TIMEOUT_MS={} WRITE_TIMEOUT_MS={} "
        "METRICS_ENABLED={} "
        "CORS_ORIGINS={} SWAGGER_UI_DIR={}",
        environmentName(config.environment), maskPassword(config.databaseUrl), config.host,
        config.port, spdlog::level::to_string_view(config.logLevel),
        config.logFormat == LogFormat::Json ? "json" : "text", config.httpThreads, config.poolSize,
        config.maxInFlight, config.databaseTimeout.count(), config.workerThreads,
        config.workerQueueLimit, config.shutdownTimeout.count(), config.writeTimeout.count(),
        config.metricsEnabled, fmt::join(config.corsOrigins, ","), config.swaggerUiDir);
}

}  // namespace users
