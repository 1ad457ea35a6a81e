#pragma once

#include <map>
#include <string>

#include "project/config.hpp"

namespace users::testing {

// The real PostgreSQL database the test command started (DATABASE_TEST_URL). Its absence is a
// test failure, never a skip.
std::string testDatabaseUrl();

// The test environment: APP_SETTINGS=testing and DATABASE_TEST_URL, plus `extra`.
std::map<std::string, std::string> testEnvironment(std::map<std::string, std::string> extra = {});

// A config for an in-process server on an ephemeral loopback port.
Config testConfig();

// Drops and recreates the tables from the schema.
void recreateTestDatabase();

long long countUsers();

// Runs one SQL statement and returns the first column of the first row ("" for no rows).
std::string queryValue(const std::string& sql);

}  // namespace users::testing
