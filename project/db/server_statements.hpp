#pragma once

#include <vector>

#include "project/db/rows.hpp"

namespace users::db {

// Every statement the server's engines prepare on each connection: the users statements and
// the health probe's.
std::vector<Statement> serverStatements();

}  // namespace users::db
