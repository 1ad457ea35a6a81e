#pragma once

#include <string>
#include <vector>

namespace users {

// What `users-server [argument]` asks for. Everything else is configured from the environment.
struct ServerCommand {
    enum class Action { Serve, Help, Version, Refuse };
    Action action = Action::Serve;
    std::string message;  // for Refuse: the one line for stderr
};

ServerCommand parseServerArguments(const std::vector<std::string>& args);

// The --help text: usage, options and every environment variable with its default.
std::string serverHelp();

}  // namespace users
