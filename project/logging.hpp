#pragma once

#include <spdlog/common.h>

namespace users {

// Log lines go to stdout, as a container platform expects.
void setupLogging(spdlog::level::level_enum level);

}  // namespace users
