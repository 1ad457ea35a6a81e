#pragma once

#include <chrono>

#include "project/db/pool.hpp"

namespace users::db {

// Round trip of a trivial query on a pooled connection. Throws ServiceError::unavailable, like
// every pool user, when the database cannot be reached within the pool's bounds.
std::chrono::steady_clock::duration probeDatabase(Pool& pool);

}  // namespace users::db
