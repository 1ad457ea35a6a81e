// Config::fromEnvironment, DATABASE_URL parsing included: input lines are NAME=value pairs. Any
// input yields a Config or a ConfigError naming a variable; nothing else may escape.
#include <cstdlib>
#include <map>
#include <string>
#include <string_view>

#include "project/config.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::map<std::string, std::string> env;
    std::string_view rest(reinterpret_cast<const char*>(data), size);
    while (!rest.empty()) {
        const auto end = rest.find('\n');
        const std::string_view line = rest.substr(0, end);
        rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
        const auto equals = line.find('=');
        if (equals != std::string_view::npos) {
            env[std::string(line.substr(0, equals))] = std::string(line.substr(equals + 1));
        }
    }
    try {
        const auto config = users::Config::fromEnvironment(env);
        if (config.databaseUrl.empty() || config.httpThreads < 1 || config.poolSize < 1) {
            std::abort();
        }
        users::maskPassword(config.databaseUrl);
    } catch (const users::ConfigError& error) {
        if (std::string_view(error.what()).find_first_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") != 0) {
            std::abort();
        }
    }
    return 0;
}
