#pragma once

#include <chrono>
#include <vector>

#include "project/db/rows.hpp"
#include "project/later.hpp"

namespace users::db {

// The statement the probe runs, prepared with the others on every connection.
const std::vector<Statement>& healthStatements();

// Round trip of a trivial statement through the calling thread's engine. Fails with
// ServiceError::unavailable when the database cannot answer within the engine's bounds.
Later<std::chrono::steady_clock::duration> probeDatabase();

}  // namespace users::db
