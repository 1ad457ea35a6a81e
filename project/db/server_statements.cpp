#include "project/db/server_statements.hpp"

#include "project/db/health_probe.hpp"
#include "project/db/user_statements.hpp"

namespace users::db {

std::vector<Statement> serverStatements() {
    std::vector<Statement> statements = userStatements();
    const auto& health = healthStatements();
    statements.insert(statements.end(), health.begin(), health.end());
    return statements;
}

}  // namespace users::db
