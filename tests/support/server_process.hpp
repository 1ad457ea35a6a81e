#pragma once

#include <sys/types.h>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <regex>
#include <string>
#include <thread>
#include <vector>

namespace users::testing {

// The real users-server binary as a child process. Its log is read on a thread of ours, so a
// chatty server under load never blocks on a full pipe.
class ServerProcess {
public:
    explicit ServerProcess(const std::map<std::string, std::string>& env);
    ~ServerProcess();
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    // The first capture group of the first log line matching `pattern` ("" if none in time).
    std::string waitForLog(const std::regex& pattern,
                           std::chrono::milliseconds timeout = std::chrono::seconds(10));
    // Waits for the "listening on" line and returns the port.
    std::uint16_t waitUntilListening();

    void signal(int signal) const;
    // Waits for the exit; returns the waitpid status, or -1 if still running after `timeout`.
    int waitForExit(std::chrono::milliseconds timeout = std::chrono::seconds(10));
    // The last lines the server logged.
    std::string logTail();
    // User plus system CPU time the process has used so far.
    double cpuSeconds() const;
    // The process's virtual memory size (VmSize), in kB.
    long long virtualMemoryKb() const;
    // The most memory the process has had resident so far (VmHWM), in kB.
    long long peakResidentKb() const;

private:
    void readLog(int fd);
    long long statusKb(const std::string& field) const;  // a /proc/<pid>/status field, -1: none

    pid_t pid_ = -1;
    std::thread reader_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::vector<std::string> lines_;
    std::deque<std::string> tail_;
    bool logClosed_ = false;
};

// The environment for a server process on an ephemeral loopback port against the test database.
std::map<std::string, std::string> serverEnvironment(std::map<std::string, std::string> extra = {});

}  // namespace users::testing
