#pragma once

#include <memory>

#include <spdlog/common.h>
#include <spdlog/logger.h>

#include "project/config.hpp"

namespace users {

// Log lines go to stdout, as a container platform expects: text for people, or one JSON object
// per line ({"time", "level", "message"}) for log shippers.
void setupLogging(spdlog::level::level_enum level, LogFormat format = LogFormat::Text);

// A stdout logger for access lines, at the default logger's level. In JSON format its message is a
// list of pre-escaped members ("method":"GET",...) spliced into the line's object.
std::shared_ptr<spdlog::logger> makeAccessLogger(LogFormat format);

}  // namespace users
