#include <pthread.h>

#include <chrono>
#include <csignal>
#include <exception>
#include <iostream>

#include <spdlog/spdlog.h>

#include "project/app.hpp"
#include "project/config.hpp"
#include "project/logging.hpp"
#include "project/server_cli.hpp"
#include "project/version.hpp"

int main(int argc, char** argv) {
    using namespace users;
    const ServerCommand command = parseServerArguments({argv + 1, argv + argc});
    switch (command.action) {
        case ServerCommand::Action::Help:
            std::cout << serverHelp();
            return 0;
        case ServerCommand::Action::Version:
            std::cout << versionLine("users-server") << '\n';
            return 0;
        case ServerCommand::Action::Refuse:
            std::cerr << command.message << '\n';
            return 2;
        case ServerCommand::Action::Serve:
            break;
    }
    Config config;
    try {
        config = Config::fromEnvironment(processEnvironment());
    } catch (const ConfigError& error) {
        std::cerr << "configuration error: " << error.what() << '\n';
        return 2;
    }
    setupLogging(config.logLevel, config.logFormat);
    if (std::signal(SIGPIPE, SIG_IGN) == SIG_ERR) {
        spdlog::critical("cannot ignore SIGPIPE");
        return 1;
    }

    // Pistache handles no signals: block them in every thread it starts and wait here instead.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGINT);
    sigaddset(&stopSignals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);

    try {
        App app(config);
        app.start();
        spdlog::info("effective configuration: {}", describe(config));
        spdlog::info("{} listening on {}:{} ({} threads, pool of {}, database {})",
                     versionLine("users-server"), config.host, app.port(), config.httpThreads,
                     config.poolSize, maskPassword(config.databaseUrl));
        int signal = 0;
        sigwait(&stopSignals, &signal);
        spdlog::info(
            "received signal {}: refusing new connections, finishing in-flight requests "
            "(at most {} ms)",
            signal, config.shutdownTimeout.count());
        const auto stopping = std::chrono::steady_clock::now();
        app.stop();
        spdlog::info("stopped serving in {} ms",
                     std::chrono::duration_cast<std::chrono::milliseconds>(
                         std::chrono::steady_clock::now() - stopping)
                         .count());
    } catch (const std::exception& error) {
        spdlog::critical("cannot serve: {}", error.what());
        return 1;
    }
    return 0;
}
