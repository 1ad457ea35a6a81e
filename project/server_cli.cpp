#include "project/server_cli.hpp"

#include "project/config.hpp"

namespace users {

ServerCommand parseServerArguments(const std::vector<std::string>& args) {
    using Action = ServerCommand::Action;
    const auto refuse = [](const std::string& why) {
        return ServerCommand{Action::Refuse, "users-server: " + why + " (try users-server --help)"};
    };
    if (args.empty()) return {Action::Serve, ""};
    for (const auto& arg : args) {
        if (arg != "--help" && arg != "-h" && arg != "--version") {
            return refuse("unknown argument '" + arg + "'");
        }
    }
    if (args.size() > 1) return refuse("takes at most one option");
    return {args[0] == "--version" ? Action::Version : Action::Help, ""};
}

std::string serverHelp() {
    return "Usage: users-server [--help | --version]\n"
           "\n"
           "Serves the users REST API over HTTP. Everything is configured from the\n"
           "environment, read once at start; an invalid value stops the start with a\n"
           "message naming the variable (exit 2). SIGTERM or SIGINT stops it gracefully.\n"
           "\n"
           "Options:\n"
           "  --help     show this help and exit\n"
           "  --version  show the version and the git revision and exit\n"
           "\n"
           "Environment:\n" +
           configurationHelp();
}

}  // namespace users
