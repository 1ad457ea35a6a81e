#include "project/db/health_probe.hpp"

#include "project/db/engine.hpp"

namespace users::db {

const std::vector<Statement>& healthStatements() {
    static const std::vector<Statement> statements = {{"health_check", "SELECT 1"}};
    return statements;
}

Later<std::chrono::steady_clock::duration> probeDatabase() {
    const auto started = std::chrono::steady_clock::now();
    return Engine::current().run("health_check", {}, Access::Read).then([started](const Rows&) {
        return std::chrono::steady_clock::now() - started;
    });
}

}  // namespace users::db
