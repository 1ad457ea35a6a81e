#include <gtest/gtest.h>

#include <regex>

#include "project/config.hpp"
#include "project/server_cli.hpp"
#include "project/version.hpp"

namespace users {
namespace {

using Action = ServerCommand::Action;

TEST(ServerCli, ServesWithoutArgumentsAndKnowsHelpAndVersion) {
    EXPECT_EQ(parseServerArguments({}).action, Action::Serve);
    EXPECT_EQ(parseServerArguments({"--help"}).action, Action::Help);
    EXPECT_EQ(parseServerArguments({"-h"}).action, Action::Help);
    EXPECT_EQ(parseServerArguments({"--version"}).action, Action::Version);
}

TEST(ServerCli, RefusesAnythingElseInOneLineNamingIt) {
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"--port=80"}, {"serve"}, {"--help", "--verbose"}, {"-v"}}) {
        const ServerCommand command = parseServerArguments(args);
        EXPECT_EQ(command.action, Action::Refuse);
        EXPECT_EQ(command.message.find('\n'), std::string::npos);
        const std::string& named = args.front() == "--help" ? args.back() : args.front();
        EXPECT_NE(command.message.find("unknown argument '" + named + "'"), std::string::npos)
            << command.message;
    }
    const ServerCommand both = parseServerArguments({"--help", "--version"});
    EXPECT_EQ(both.action, Action::Refuse);
    EXPECT_NE(both.message.find("at most one"), std::string::npos);
}

TEST(ServerCli, HelpListsEveryVariableWithItsDefault) {
    const std::string help = serverHelp();
    EXPECT_EQ(help.rfind("Usage: users-server", 0), 0U);
    for (const char* name :
         {"APP_SETTINGS", "DATABASE_URL", "DATABASE_TEST_URL", "PORT", "HOST", "LOG_LEVEL",
          "HTTP_THREADS", "DB_POOL_SIZE", "DB_MAX_IN_FLIGHT", "DB_TIMEOUT_MS", "CORS_ORIGINS",
          "SWAGGER_UI_DIR", "LOG_FORMAT", "METRICS_ENABLED", "SHUTDOWN_TIMEOUT_MS",
          "WORKER_THREADS", "WORKER_QUEUE_LIMIT", "WRITE_TIMEOUT_MS"}) {
        EXPECT_TRUE(std::regex_search(help, std::regex(std::string("\n  ") + name + " ")))
            << name << " missing from\n"
            << help;
    }
    // The stated defaults are the parser's.
    const Config defaults = Config::fromEnvironment({{"DATABASE_URL", "dbname=x"}});
    for (const std::string& stated : std::vector<std::string>{
             "(default: development)", "(default: " + std::to_string(defaults.port) + ")",
             "(default: " + defaults.host + ")", "(default: info)", "(default: text)",
             "(default: " + std::to_string(defaults.databaseTimeout.count()) + ")",
             "(default: " + std::to_string(defaults.shutdownTimeout.count()) + ")", "(default: *)",
             "(default: true)", "(default: 2 x HTTP_THREADS)",
             "(default: " + std::to_string(defaults.maxInFlight) + ")",
             "(default: " + std::to_string(defaults.workerQueueLimit) + ")",
             "swagger-ui/node_modules/swagger-ui-dist)"}) {
        EXPECT_NE(help.find(stated), std::string::npos) << stated;
    }
}

TEST(ServerCli, VersionNamesTheProjectVersionAndARevision) {
    EXPECT_TRUE(std::regex_match(buildVersion(), std::regex(R"(\d+\.\d+\.\d+)")));
    EXPECT_TRUE(std::regex_match(buildRevision(), std::regex("[0-9a-f]{7,40}|unknown")));
    EXPECT_EQ(versionLine("manage"),
              std::string("manage ") + buildVersion() + " (revision " + buildRevision() + ")");
}

}  // namespace
}  // namespace users
