#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include <pqxx/pqxx>

#include "project/db/pool.hpp"

namespace users::db {

struct User {
    std::int64_t id = 0;
    std::string username;
    std::string email;
    std::string createdDate;  // ISO 8601, UTC
};

struct UserInput {
    std::string username;
    std::string email;
};

// Every users statement, prepared on each connection. A taken email (in any letter case)
// throws ServiceError of kind Duplicate: the unique index decides, not a prior check.
class UserRepository {
public:
    explicit UserRepository(Pool& pool) : pool_(pool) {}

    // Below every id but the smallest bigint: listAfter(kBeforeEveryId, std::nullopt) is everyone.
    static constexpr std::int64_t kBeforeEveryId = std::numeric_limits<std::int64_t>::min();

    static void prepare(pqxx::connection& connection);

    // Keyset pagination: users with an id above `after`, ordered by id; no limit: all of them.
    std::vector<User> listAfter(std::int64_t after, std::optional<std::int64_t> limit) const;
    std::optional<User> findByEmail(const std::string& email) const;  // ignoring case
    std::optional<User> findById(std::int64_t id) const;
    void create(const UserInput& input) const;
    bool update(std::int64_t id, const UserInput& input) const;  // false: no such user
    std::optional<std::string> remove(std::int64_t id) const;    // the removed email
    bool createUnlessEmailTaken(const UserInput& input) const;   // false: already there

private:
    Pool& pool_;
};

}  // namespace users::db
