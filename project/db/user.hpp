#pragma once

#include <cstdint>
#include <string>

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

}  // namespace users::db
