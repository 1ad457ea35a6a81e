#include "tests/support/server_process.hpp"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <gtest/gtest.h>

#include "tests/support/test_database.hpp"

namespace users::testing {

ServerProcess::ServerProcess(const std::map<std::string, std::string>& env) {
    int pipeFds[2];
    if (::pipe(pipeFds) != 0) throw std::runtime_error("pipe failed");
    std::vector<std::string> settings;
    for (const auto& [name, value] : env) settings.push_back(name + "=" + value);
    std::vector<char*> envp;
    for (auto& setting : settings) envp.push_back(setting.data());
    envp.push_back(nullptr);
    pid_ = ::fork();
    if (pid_ == 0) {
        ::dup2(pipeFds[1], STDOUT_FILENO);
        ::dup2(pipeFds[1], STDERR_FILENO);
        char* argv[] = {const_cast<char*>(SERVER_BINARY), nullptr};
        ::execve(SERVER_BINARY, argv, envp.data());
        ::_exit(127);
    }
    ::close(pipeFds[1]);
    reader_ = std::thread([this, fd = pipeFds[0]] { readLog(fd); });
}

ServerProcess::~ServerProcess() {
    if (pid_ > 0) {
        // A clean exit also proves that a sanitizer build found nothing at shutdown.
        ::kill(pid_, SIGTERM);
        const int status = waitForExit(std::chrono::seconds(5));
        if (status == -1) {
            ::kill(pid_, SIGKILL);
            ::waitpid(pid_, nullptr, 0);
        }
        EXPECT_TRUE(status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 0)
            << "the server did not exit cleanly on SIGTERM (status " << status << "), log tail:\n"
            << logTail();
    }
    reader_.join();
}

void ServerProcess::readLog(int fd) {
    std::string pending;
    char chunk[8192];
    ssize_t got;
    while ((got = ::read(fd, chunk, sizeof chunk)) > 0) {
        pending.append(chunk, static_cast<std::size_t>(got));
        std::size_t end;
        std::lock_guard lock(mutex_);
        while ((end = pending.find('\n')) != std::string::npos) {
            // The first lines (start-up) and the last ones (why it ended): bounded under load.
            if (lines_.size() < 1000) lines_.push_back(pending.substr(0, end));
            tail_.push_back(pending.substr(0, end));
            if (tail_.size() > 30) tail_.pop_front();
            pending.erase(0, end + 1);
        }
        changed_.notify_all();
    }
    ::close(fd);
    std::lock_guard lock(mutex_);
    logClosed_ = true;
    changed_.notify_all();
}

std::string ServerProcess::waitForLog(const std::regex& pattern,
                                      std::chrono::milliseconds timeout) {
    std::unique_lock lock(mutex_);
    std::size_t seen = 0;
    std::smatch match;
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        for (; seen < lines_.size(); ++seen) {
            if (std::regex_search(lines_[seen], match, pattern)) return match[1].str();
        }
        if (logClosed_ || changed_.wait_until(lock, deadline) == std::cv_status::timeout) {
            return "";
        }
    }
}

std::string ServerProcess::logTail() {
    std::lock_guard lock(mutex_);
    std::string text;
    for (const auto& line : tail_) text += line + "\n";
    return text;
}

std::uint16_t ServerProcess::waitUntilListening() {
    const std::string port = waitForLog(std::regex(R"(listening on [^ ]*:(\d+))"));
    if (port.empty()) throw std::runtime_error("the server did not start listening");
    return static_cast<std::uint16_t>(std::stoi(port));
}

void ServerProcess::signal(int signal) const { ::kill(pid_, signal); }

int ServerProcess::waitForExit(std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    int status = 0;
    while (::waitpid(pid_, &status, WNOHANG) == 0) {
        if (std::chrono::steady_clock::now() > deadline) return -1;
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    pid_ = -1;
    return status;
}

double ServerProcess::cpuSeconds() const {
    std::ifstream stat("/proc/" + std::to_string(pid_) + "/stat");
    std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
    // Fields after the ")" that closes the command name: utime and stime are the 12th and 13th.
    std::istringstream fields(text.substr(text.rfind(')') + 2));
    std::string field;
    long long ticks = 0;
    for (int i = 1; i <= 13 && fields >> field; ++i) {
        if (i >= 12) ticks += std::stoll(field);
    }
    return static_cast<double>(ticks) / static_cast<double>(::sysconf(_SC_CLK_TCK));
}

long long ServerProcess::statusKb(const std::string& field) const {
    std::ifstream status("/proc/" + std::to_string(pid_) + "/status");
    for (std::string line; std::getline(status, line);) {
        if (line.rfind(field + ":", 0) == 0) return std::stoll(line.substr(field.size() + 1));
    }
    return -1;
}

long long ServerProcess::virtualMemoryKb() const { return statusKb("VmSize"); }

long long ServerProcess::peakResidentKb() const { return statusKb("VmHWM"); }

std::map<std::string, std::string> serverEnvironment(std::map<std::string, std::string> extra) {
    extra.emplace("HOST", "127.0.0.1");
    extra.emplace("PORT", "0");
    extra.emplace("LOG_LEVEL", "info");
    extra.emplace("DB_TIMEOUT_MS", "1000");
    for (const char* name : {"ASAN_OPTIONS", "LSAN_OPTIONS", "UBSAN_OPTIONS", "TSAN_OPTIONS"}) {
        if (const char* value = std::getenv(name)) extra.emplace(name, value);
    }
    return testEnvironment(std::move(extra));
}

}  // namespace users::testing
