#include "tests/support/pg_cluster.hpp"

#include <chrono>
#include <cstdlib>
#include <stdexcept>
#include <thread>

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

}  // namespace users::testing
