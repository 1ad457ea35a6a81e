#include <gtest/gtest.h>

#include <functional>
#include <regex>

#include "project/db/seed_users.hpp"
#include "project/db/user_repository.hpp"
#include "project/db/user_statements.hpp"
#include "project/errors.hpp"
#include "tests/support/engine_loop.hpp"
#include "tests/support/test_database.hpp"
#include "tests/support/users.hpp"

namespace users::db {
namespace {

using namespace users::testing;

// The repository's answers, awaited on the test's own engine loop.
class AwaitedUsers {
public:
    explicit AwaitedUsers(EngineLoop& loop) : loop_(loop) {}
    template <typename... Args>
    auto listAfter(Args... args) {
        return loop_.await([&] { return users_.listAfter(args...); });
    }
    auto findById(std::int64_t id) {
        return loop_.await([&] { return users_.findById(id); });
    }
    auto create(const UserInput& input) {
        return loop_.await([&] { return users_.create(input); });
    }
    auto update(std::int64_t id, const UserInput& input) {
        return loop_.await([&] { return users_.update(id, input); });
    }
    auto remove(std::int64_t id) {
        return loop_.await([&] { return users_.remove(id); });
    }

private:
    EngineLoop& loop_;
    UserRepository users_;
};

class UserRepositoryTest : public ::testing::Test {
protected:
    void SetUp() override { recreateTestDatabase(); }

    EngineLoop loop_{testEngineSettings()};
    mutable AwaitedUsers users_{loop_};

    std::vector<User> everyone() const {
        return users_.listAfter(UserRepository::kBeforeEveryId, std::nullopt);
    }
};

ErrorKind errorKindOf(const std::function<void()>& action) {
    try {
        action();
    } catch (const ServiceError& error) {
        return error.kind();
    }
    ADD_FAILURE() << "no ServiceError thrown";
    return ErrorKind::InvalidInput;
}

TEST_F(UserRepositoryTest, CreatesAndListsInIdOrder) {
    const auto ann = users_.create({"ann", "ann@x.io"});
    const auto bob = users_.create({"bob", "bob@x.io"});
    const auto all = everyone();
    ASSERT_EQ(all.size(), 2U);
    EXPECT_EQ(all[0].id, ann);
    EXPECT_EQ(all[1].id, bob);
    EXPECT_LT(ann, bob);
    EXPECT_EQ(all[0].username, "ann");
    EXPECT_EQ(all[1].email, "bob@x.io");
}

// As the unpaginated list always has: every row, whatever ids were given outside the service.
TEST_F(UserRepositoryTest, ListsEveryoneFromBeforeTheFirstIdWithoutALimit) {
    addUser("ann", "ann@x.io");
    addUserWithId(-5, "neg", "neg@x.io");
    addUserWithId(0, "zero", "zero@x.io");
    const auto all = everyone();
    ASSERT_EQ(all.size(), 3U);
    EXPECT_EQ(all[0].id, -5);
    EXPECT_EQ(all[1].id, 0);
    EXPECT_EQ(all[2].username, "ann");
}

TEST_F(UserRepositoryTest, FindsByIdWithAnIsoUtcTimestamp) {
    const auto user = users_.findById(addUser("ann", "ann@x.io"));
    ASSERT_TRUE(user.has_value());
    EXPECT_EQ(user->username, "ann");
    EXPECT_TRUE(std::regex_match(user->createdDate,
                                 std::regex(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)")))
        << user->createdDate;
    EXPECT_FALSE(users_.findById(999).has_value());
}

TEST_F(UserRepositoryTest, EmailUniquenessIgnoresCaseAndKeepsTheOriginal) {
    addUser("ann", "Ann@X.io");
    EXPECT_EQ(errorKindOf([&] { users_.create({"other", "ann@x.IO"}); }), ErrorKind::Duplicate);
    EXPECT_EQ(countUsers(), 1);
    EXPECT_EQ(everyone().at(0).email, "Ann@X.io");
}

TEST_F(UserRepositoryTest, UpdatesKeepingOrChangingTheEmail) {
    const auto ann = addUser("ann", "ann@x.io");
    addUser("bob", "bob@x.io");
    EXPECT_TRUE(users_.update(ann, {"anna", "ANN@x.io"}));
    EXPECT_EQ(users_.findById(ann)->username, "anna");
    EXPECT_EQ(errorKindOf([&] { users_.update(ann, {"anna", "bob@x.io"}); }), ErrorKind::Duplicate);
    EXPECT_EQ(users_.findById(ann)->email, "ANN@x.io");
    EXPECT_FALSE(users_.update(999, {"x", "x@x.io"}));
}

TEST_F(UserRepositoryTest, RemovesReturningTheEmail) {
    const auto ann = addUser("ann", "ann@x.io");
    EXPECT_EQ(users_.remove(ann), "ann@x.io");
    EXPECT_FALSE(users_.remove(ann).has_value());
    EXPECT_EQ(countUsers(), 0);
}

// manage's blocking path shares the statements.
TEST_F(UserRepositoryTest, CreateUnlessEmailTakenAddsOnce) {
    Pool pool(testDatabaseUrl(), 1, std::chrono::milliseconds(1000), &prepareUserStatements);
    EXPECT_TRUE(createUnlessEmailTaken(pool, {"ann", "ann@x.io"}));
    EXPECT_FALSE(createUnlessEmailTaken(pool, {"ann", "ANN@x.io"}));
    EXPECT_EQ(countUsers(), 1);
}

TEST_F(UserRepositoryTest, StoresSqlMetacharactersVerbatim) {
    const std::string name = "Robert'); DROP TABLE users;-- \"$1\" \\";
    users_.create({name, "bobby@tables.io"});
    EXPECT_EQ(everyone().at(0).username, name);
}

}  // namespace
}  // namespace users::db
