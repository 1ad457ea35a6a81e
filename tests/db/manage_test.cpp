#include <gtest/gtest.h>

#include <sstream>

#include "manage/commands.hpp"
#include "tests/support/test_database.hpp"
#include "tests/support/users.hpp"

namespace users::manage {
namespace {

using namespace users::testing;

struct Outcome {
    int code;
    std::string out;
    std::string err;
};

Outcome manage(const std::vector<std::string>& args,
               const std::map<std::string, std::string>& env = testEnvironment()) {
    std::ostringstream out;
    std::ostringstream err;
    const int code = run(args, env, out, err);
    return {code, out.str(), err.str()};
}

class ManageTest : public ::testing::Test {
protected:
    void SetUp() override { recreateTestDatabase(); }
};

TEST_F(ManageTest, HelpListsTheCommands) {
    const Outcome outcome = manage({"--help"});
    EXPECT_EQ(outcome.code, 0);
    EXPECT_NE(outcome.out.find("recreate_db"), std::string::npos);
    EXPECT_NE(outcome.out.find("seed_db"), std::string::npos);
}

TEST_F(ManageTest, RecreateDbEmptiesTheTable) {
    addUser("x", "x@x.io");
    const Outcome outcome = manage({"recreate_db"});
    EXPECT_EQ(outcome.code, 0) << outcome.err;
    EXPECT_EQ(countUsers(), 0);
}

TEST_F(ManageTest, SeedDbAddsTheTwoSeedUsersOnce) {
    const Outcome first = manage({"seed_db"});
    EXPECT_EQ(first.code, 0) << first.err;
    EXPECT_NE(first.out.find("Added 2 seed users"), std::string::npos);
    EXPECT_EQ(queryValue("SELECT string_agg(username || ' ' || email, ',' ORDER BY id) FROM users"),
              "michael hermanmu@gmail.com,michaelherman michael@mherman.org");
    const Outcome second = manage({"seed_db"});
    EXPECT_EQ(second.code, 0);
    EXPECT_NE(second.out.find("nothing added"), std::string::npos);
    EXPECT_EQ(countUsers(), 2);
}

TEST_F(ManageTest, SeedDbWithoutTheTableSaysWhatToDo) {
    queryValue("DROP TABLE users");
    const Outcome outcome = manage({"seed_db"});
    EXPECT_EQ(outcome.code, 1);
    EXPECT_NE(outcome.err.find("recreate_db"), std::string::npos);
}

TEST_F(ManageTest, UnknownOrMissingCommandFailsWithUsage) {
    for (const auto& args : std::vector<std::vector<std::string>>{{"drop_everything"}, {}}) {
        const Outcome outcome = manage(args);
        EXPECT_EQ(outcome.code, 2);
        EXPECT_NE(outcome.err.find("Usage: manage"), std::string::npos);
    }
}

TEST_F(ManageTest, UnreachableDatabaseFailsClearly) {
    const Outcome outcome =
        manage({"seed_db"}, {{"DATABASE_URL", "postgresql://postgres@127.0.0.1:1/none"}});
    EXPECT_EQ(outcome.code, 1);
    EXPECT_NE(outcome.err.find("cannot reach the database"), std::string::npos);
}

TEST_F(ManageTest, MissingConfigurationNamesTheVariable) {
    const Outcome outcome = manage({"recreate_db"}, {{"APP_SETTINGS", "testing"}});
    EXPECT_EQ(outcome.code, 1);
    EXPECT_NE(outcome.err.find("DATABASE_TEST_URL"), std::string::npos);
}

TEST_F(ManageTest, TheBinaryExitsWithTheCommandsCode) {
    const std::string prefix =
        "APP_SETTINGS=testing DATABASE_TEST_URL='" + testDatabaseUrl() + "' ";
    EXPECT_EQ(std::system((prefix + MANAGE_BINARY " seed_db >/dev/null").c_str()), 0);
    EXPECT_EQ(countUsers(), 2);
    EXPECT_NE(std::system((prefix + MANAGE_BINARY " nonsense 2>/dev/null").c_str()), 0);
}

}  // namespace
}  // namespace users::manage
