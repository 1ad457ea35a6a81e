#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <regex>

#include "tests/support/test_server.hpp"

namespace users::testing {
namespace {

using namespace std::chrono_literals;

// The real server binary as a child process, its log on a pipe.
class ServerProcess {
public:
    explicit ServerProcess(const std::map<std::string, std::string>& env) {
        int pipeFds[2];
        if (::pipe(pipeFds) != 0) throw std::runtime_error("pipe failed");
        pid_ = ::fork();
        if (pid_ == 0) {
            ::dup2(pipeFds[1], STDOUT_FILENO);
            ::dup2(pipeFds[1], STDERR_FILENO);
            std::vector<std::string> settings;
            for (const auto& [name, value] : env) settings.push_back(name + "=" + value);
            std::vector<char*> envp;
            for (auto& setting : settings) envp.push_back(setting.data());
            envp.push_back(nullptr);
            char* argv[] = {const_cast<char*>(SERVER_BINARY), nullptr};
            ::execve(SERVER_BINARY, argv, envp.data());
            ::_exit(127);
        }
        ::close(pipeFds[1]);
        log_ = ::fdopen(pipeFds[0], "r");
    }
    ~ServerProcess() {
        if (pid_ > 0) {
            ::kill(pid_, SIGKILL);
            ::waitpid(pid_, nullptr, 0);
        }
        if (log_ != nullptr) std::fclose(log_);
    }

    // Reads log lines until one matches; returns the first capture group.
    std::string waitForLog(const std::regex& pattern) {
        char line[4096];
        std::cmatch match;
        while (std::fgets(line, sizeof line, log_) != nullptr) {
            if (std::regex_search(line, match, pattern)) return match[1].str();
        }
        return "";
    }

    int stop(int signal) {
        ::kill(pid_, signal);
        int status = 0;
        ::waitpid(pid_, &status, 0);
        pid_ = -1;
        return status;
    }

private:
    pid_t pid_ = -1;
    std::FILE* log_ = nullptr;
};

TEST(Shutdown, SigtermStopsTheServerCleanlyAndQuickly) {
    ServerProcess server(testEnvironment({{"HOST", "127.0.0.1"}, {"PORT", "0"}}));
    const std::string port = server.waitForLog(std::regex(R"(listening on 127\.0\.0\.1:(\d+))"));
    ASSERT_FALSE(port.empty());
    HttpConnection idle(static_cast<std::uint16_t>(std::stoi(port)));
    EXPECT_EQ(idle.request("GET", "/ping").status, 200);

    const auto started = std::chrono::steady_clock::now();
    const int status = server.stop(SIGTERM);
    EXPECT_LT(std::chrono::steady_clock::now() - started, 1s);
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 0);
}

TEST(Shutdown, MissingConfigurationFailsAtStartNamingTheVariable) {
    ServerProcess server(std::map<std::string, std::string>{{"APP_SETTINGS", "production"}});
    EXPECT_EQ(server.waitForLog(std::regex("(DATABASE_URL is required)")),
              "DATABASE_URL is required");
    const int status = server.stop(0);
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 2);
}

}  // namespace
}  // namespace users::testing
