#pragma once

#include <vector>

#include <pqxx/pqxx>

#include "project/db/rows.hpp"
#include "project/db/user.hpp"

namespace users::db {

// Every users statement, named; the engine prepares them on each pipelined connection and
// manage's libpqxx pool through prepareUserStatements.
const std::vector<Statement>& userStatements();
void prepareUserStatements(pqxx::connection& connection);

// A row of the statements that select users (their first four columns).
User userOf(const Rows& rows, int row);

}  // namespace users::db
