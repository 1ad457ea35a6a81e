#pragma once

#include <cstdint>
#include <string>

namespace users::testing {

// Setup, like the course's add_user: a user written straight into the test database, so a test
// of reading, updating or deleting does not depend on POST /users too. Returns the new id.
std::int64_t addUser(const std::string& username, const std::string& email);

// The same with an id of the test's choosing, such as one the service never hands out.
void addUserWithId(std::int64_t id, const std::string& username, const std::string& email);

// Users `from` to `to` in one statement, named userN with userN@x.io: a large table quickly.
void addNumberedUsers(long long from, long long to);

// The JSON body of POST and PUT /users, for a request built from values.
std::string userJson(const std::string& username, const std::string& email);

}  // namespace users::testing
