#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include <spdlog/common.h>

namespace users {

enum class Environment { Development, Testing, Production };

// text: for people reading a terminal; json: one object per line for log shippers.
enum class LogFormat { Text, Json };

// Everything the service reads from its environment, parsed and checked once at start-up.
struct Config {
    Environment environment = Environment::Development;
    std::string databaseUrl;
    std::string host = "0.0.0.0";
    std::uint16_t port = 5000;
    spdlog::level::level_enum logLevel = spdlog::level::info;
    LogFormat logFormat = LogFormat::Text;
    bool metricsEnabled = true;
    unsigned httpThreads = 2;
    unsigned poolSize = 4;       // database connections over every reactor thread
    unsigned maxInFlight = 256;  // statements in flight per reactor thread
    std::chrono::milliseconds databaseTimeout{2000};
    unsigned workerThreads = 2;       // for work no reactor waits on (large JSON bodies)
    unsigned workerQueueLimit = 256;  // jobs waiting for a worker before further ones get 503
    // On SIGTERM: the longest wait for answers still being produced before the server stops.
    std::chrono::milliseconds shutdownTimeout{10000};
    // How long a connection may hold sent bytes its client neither reads nor acknowledges.
    std::chrono::milliseconds writeTimeout{30000};
    std::vector<std::string> corsOrigins{"*"};
    std::string swaggerUiDir = "swagger-ui/node_modules/swagger-ui-dist";

    // Takes a map so that tests need no setenv; throws ConfigError naming the variable.
    static Config fromEnvironment(const std::map<std::string, std::string>& env);
};

class ConfigError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

std::map<std::string, std::string> processEnvironment();

// The URL with any password replaced by ***, for logs and messages.
std::string maskPassword(const std::string& databaseUrl);

// Every variable fromEnvironment reads, with its default and meaning: the body of --help.
std::string configurationHelp();

// The default HTTP_THREADS for this many usable CPUs: no thread waits on the database.
unsigned defaultHttpThreads(unsigned cpus);

// The effective configuration as `NAME=value` pairs for the start-up log; no secrets.
std::string describe(const Config& config);

}  // namespace users
