#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "project/db/user.hpp"
#include "project/later.hpp"

namespace users::db {

// The users statements, run by the calling reactor thread's engine (Engine::current()); each
// answer arrives later on the same thread. A taken email (in any letter case) fails with
// ServiceError of kind Duplicate: the unique index decides, not a prior check.
class UserRepository {
public:
    // Below every id but the smallest bigint: listAfter(kBeforeEveryId, std::nullopt) is everyone.
    static constexpr std::int64_t kBeforeEveryId = std::numeric_limits<std::int64_t>::min();

    // Keyset pagination: users with an id above `after`, ordered by id; no limit: all of them.
    Later<std::vector<User>> listAfter(std::int64_t after, std::optional<std::int64_t> limit) const;
    Later<std::optional<User>> findByEmail(const std::string& email) const;  // ignoring case
    Later<std::optional<User>> findById(std::int64_t id) const;
    Later<std::int64_t> create(const UserInput& input) const;  // its id, or a Duplicate failure
    Later<bool> update(std::int64_t id, const UserInput& input) const;  // false: no such user
    Later<std::optional<std::string>> remove(std::int64_t id) const;    // the removed email
};

}  // namespace users::db
