#include <gtest/gtest.h>

#include <functional>
#include <regex>

#include "project/db/user_repository.hpp"
#include "project/errors.hpp"
#include "tests/support/test_database.hpp"

namespace users::db {
namespace {

using namespace users::testing;

class UserRepositoryTest : public ::testing::Test {
protected:
    void SetUp() override { recreateTestDatabase(); }

    Pool pool_{testDatabaseUrl(), 2, std::chrono::milliseconds(1000), &UserRepository::prepare};
    UserRepository users_{pool_};

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
    users_.create({"ann", "ann@x.io"});
    users_.create({"bob", "bob@x.io"});
    const auto all = everyone();
    ASSERT_EQ(all.size(), 2U);
    EXPECT_LT(all[0].id, all[1].id);
    EXPECT_EQ(all[0].username, "ann");
    EXPECT_EQ(all[1].email, "bob@x.io");
}

// As the unpaginated list always has: every row, whatever ids were given outside the service.
TEST_F(UserRepositoryTest, ListsEveryoneFromBeforeTheFirstIdWithoutALimit) {
    users_.create({"ann", "ann@x.io"});
    queryValue(
        "INSERT INTO users (id, username, email) VALUES (-5, 'neg', 'neg@x.io'), "
        "(0, 'zero', 'zero@x.io')");
    const auto all = everyone();
    ASSERT_EQ(all.size(), 3U);
    EXPECT_EQ(all[0].id, -5);
    EXPECT_EQ(all[1].id, 0);
    EXPECT_EQ(all[2].username, "ann");
}

TEST_F(UserRepositoryTest, FindsByIdWithAnIsoUtcTimestamp) {
    users_.create({"ann", "ann@x.io"});
    const auto user = users_.findById(everyone().at(0).id);
    ASSERT_TRUE(user.has_value());
    EXPECT_EQ(user->username, "ann");
    EXPECT_TRUE(std::regex_match(user->createdDate,
                                 std::regex(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)")))
        << user->createdDate;
    EXPECT_FALSE(users_.findById(999).has_value());
}

TEST_F(UserRepositoryTest, EmailUniquenessIgnoresCaseAndKeepsTheOriginal) {
    users_.create({"ann", "Ann@X.io"});
    EXPECT_EQ(errorKindOf([&] { users_.create({"other", "ann@x.IO"}); }), ErrorKind::Duplicate);
    EXPECT_EQ(countUsers(), 1);
    EXPECT_EQ(everyone().at(0).email, "Ann@X.io");
}

TEST_F(UserRepositoryTest, UpdatesKeepingOrChangingTheEmail) {
    users_.create({"ann", "ann@x.io"});
    users_.create({"bob", "bob@x.io"});
    const auto ann = everyone().at(0).id;
    EXPECT_TRUE(users_.update(ann, {"anna", "ANN@x.io"}));
    EXPECT_EQ(users_.findById(ann)->username, "anna");
    EXPECT_EQ(errorKindOf([&] { users_.update(ann, {"anna", "bob@x.io"}); }), ErrorKind::Duplicate);
    EXPECT_EQ(users_.findById(ann)->email, "ANN@x.io");
    EXPECT_FALSE(users_.update(999, {"x", "x@x.io"}));
}

TEST_F(UserRepositoryTest, RemovesReturningTheEmail) {
    users_.create({"ann", "ann@x.io"});
    const auto ann = everyone().at(0).id;
    EXPECT_EQ(users_.remove(ann), "ann@x.io");
    EXPECT_FALSE(users_.remove(ann).has_value());
    EXPECT_EQ(countUsers(), 0);
}

TEST_F(UserRepositoryTest, CreateUnlessEmailTakenAddsOnce) {
    EXPECT_TRUE(users_.createUnlessEmailTaken({"ann", "ann@x.io"}));
    EXPECT_FALSE(users_.createUnlessEmailTaken({"ann", "ANN@x.io"}));
    EXPECT_EQ(countUsers(), 1);
}

TEST_F(UserRepositoryTest, StoresSqlMetacharactersVerbatim) {
    const std::string name = "Robert'); DROP TABLE users;-- \"$1\" \\";
    users_.create({name, "bobby@tables.io"});
    EXPECT_EQ(everyone().at(0).username, name);
}

}  // namespace
}  // namespace users::db
