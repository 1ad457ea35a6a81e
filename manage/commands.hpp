#pragma once

#include <map>
#include <ostream>
#include <string>
#include <vector>

namespace users::manage {

// Runs `manage <command>` with the given environment; returns the process exit code.
int run(const std::vector<std::string>& args, const std::map<std::string, std::string>& env,
        std::ostream& out, std::ostream& err);

}  // namespace users::manage
