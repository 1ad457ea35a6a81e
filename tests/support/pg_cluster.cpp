#include "tests/support/pg_cluster.hpp"

#include <signal.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <stdexcept>
#include <thread>
#include <vector>

namespace users::testing {
namespace {

std::string clusterCommand(const std::string& action) {
    const char* dir = std::getenv("TEST_PG_CLUSTER_DIR");
    const char* port = std::getenv("TEST_PG_PORT");
    if (dir == nullptr || port == nullptr) {
        throw std::runtime_error("TEST_PG_CLUSTER_DIR and TEST_PG_PORT are set by scripts/test");
    }
    return std::string(PG_CLUSTER_SCRIPT) + " " + action + " " + dir +
           (action == "start" ? std::string(" ") + port + " fsync=off" : "");
}

bool run(const std::string& command) { return std::system(command.c_str()) == 0; }

// The postmaster (postmaster.pid's first line) and its children.
std::vector<pid_t> clusterProcesses() {
    const char* dir = std::getenv("TEST_PG_CLUSTER_DIR");
    if (dir == nullptr) throw std::runtime_error("TEST_PG_CLUSTER_DIR is set by scripts/test");
    pid_t postmaster = 0;
    std::ifstream(std::string(dir) + "/data/postmaster.pid") >> postmaster;
    if (postmaster <= 0) throw std::runtime_error("no postmaster.pid: is the cluster up?");
    std::vector<pid_t> processes{postmaster};
    std::ifstream children("/proc/" + std::to_string(postmaster) + "/task/" +
                           std::to_string(postmaster) + "/children");
    for (pid_t child = 0; children >> child;) processes.push_back(child);
    return processes;
}

void signalCluster(int signal) {
    for (const pid_t process : clusterProcesses()) ::kill(process, signal);
}

}  // namespace

void clusterStop(const std::string& mode) {
    if (!run(clusterCommand("stop") + " " + mode)) throw std::runtime_error("cluster stop failed");
}

void clusterKill() {
    if (!run(clusterCommand("kill"))) throw std::runtime_error("cluster kill failed");
}

void clusterStart() {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(15);
    while (!run(clusterCommand("start") + " 2>/dev/null")) {
        if (std::chrono::steady_clock::now() > deadline) {
            throw std::runtime_error("cluster start failed");
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
}

void clusterFreeze() { signalCluster(SIGSTOP); }

void clusterThaw() { signalCluster(SIGCONT); }

}  // namespace users::testing
