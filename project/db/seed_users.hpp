#pragma once

#include "project/db/pool.hpp"
#include "project/db/user.hpp"

namespace users::db {

// manage's blocking path (libpqxx, off any reactor): false when the email is already taken.
bool createUnlessEmailTaken(Pool& pool, const UserInput& input);

}  // namespace users::db
