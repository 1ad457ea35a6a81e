#include "project/db/health_probe.hpp"

namespace users::db {

std::chrono::steady_clock::duration probeDatabase(Pool& pool) {
    return pool.run([](pqxx::connection& connection) {
        const auto started = std::chrono::steady_clock::now();
        pqxx::nontransaction(connection).exec("SELECT 1");
        return std::chrono::steady_clock::now() - started;
    });
}

}  // namespace users::db
