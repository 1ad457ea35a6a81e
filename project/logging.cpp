#include "project/logging.hpp"

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

namespace users {

void setupLogging(spdlog::level::level_enum level) {
    auto logger = spdlog::stdout_logger_mt("users");
    logger->set_pattern("%Y-%m-%dT%H:%M:%S.%eZ %l %v", spdlog::pattern_time_type::utc);
    logger->set_level(level);
    logger->flush_on(level);
    spdlog::set_default_logger(logger);
}

}  // namespace users
