#include "tests/support/test_server.hpp"
#include "tests/support/users.hpp"

namespace users::testing {
namespace {

class Pagination : public ServerTest {
protected:
    void SetUp() override {
        ServerTest::SetUp();
        // Ids 1 to 5, in this order.
        for (const char* name : {"ann", "bob", "cid", "dan", "eve"}) {
            addUser(name, std::string(name) + "@x.io");
        }
    }
    std::vector<std::int64_t> ids(const HttpResponse& response) {
        std::vector<std::int64_t> result;
        // Keep the document alive: a range over a temporary's member would dangle.
        const rapidjson::Document body = response.json();
        for (const auto& user : body.GetArray()) result.push_back(user["id"].GetInt64());
        return result;
    }
};

TEST_F(Pagination, NoParametersKeepTheExactPlainArray) {
    const HttpResponse plain = call("GET", "/users");
    EXPECT_EQ(plain.header("link"), "");
    EXPECT_EQ(plain.body, call("GET", "/users?after=0").body);
    EXPECT_EQ(ids(plain), (std::vector<std::int64_t>{1, 2, 3, 4, 5}));
}

TEST_F(Pagination, PagesFollowTheLinkUntilTheLastOne) {
    const HttpResponse first = call("GET", "/users?limit=2");
    EXPECT_EQ(ids(first), (std::vector<std::int64_t>{1, 2}));
    EXPECT_EQ(first.header("link"), R"(</users?limit=2&after=2>; rel="next")");
    const HttpResponse second = call("GET", "/users?limit=2&after=2");
    EXPECT_EQ(ids(second), (std::vector<std::int64_t>{3, 4}));
    EXPECT_EQ(second.header("link"), R"(</users?limit=2&after=4>; rel="next")");
    const HttpResponse last = call("GET", "/users?limit=2&after=4");
    EXPECT_EQ(ids(last), (std::vector<std::int64_t>{5}));
    EXPECT_EQ(last.header("link"), "");
    EXPECT_EQ(call("GET", "/users?limit=5").header("link"), "");
}

TEST_F(Pagination, AfterAloneListsTheRest) {
    EXPECT_EQ(ids(call("GET", "/users?after=3")), (std::vector<std::int64_t>{4, 5}));
}

TEST_F(Pagination, EmailFindsOneUserIgnoringCase) {
    EXPECT_EQ(ids(call("GET", "/users?email=CID%40X.io")), (std::vector<std::int64_t>{3}));
    EXPECT_EQ(call("GET", "/users?email=zed%40x.io").body, "[]");
    EXPECT_EQ(call("GET", "/users?email=cid%40x.io&after=3").body, "[]");
    EXPECT_EQ(ids(call("GET", "/users?email=cid@x.io&limit=1")), (std::vector<std::int64_t>{3}));
}

TEST_F(Pagination, BadValuesAre400sNamingTheParameter) {
    const std::pair<const char*, const char*> cases[] = {
        {"limit=0", "limit"},   {"limit=1001", "limit"},
        {"limit=abc", "limit"}, {"limit=", "limit"},
        {"limit=2x", "limit"},  {"after=-1", "after"},
        {"after=1.5", "after"}, {"email=", "email"},
        {"email=%zz", "email"}, {"email=%00a%40x.io", "email"},
        {"email=%ff", "email"},
    };
    for (const auto& [query, name] : cases) {
        const HttpResponse response = call("GET", std::string("/users?") + query);
        EXPECT_EQ(response.status, 400) << query;
        EXPECT_TRUE(response.json()["errors"].HasMember(name)) << query;
    }
    EXPECT_STREQ(call("GET", "/users?limit=0").json()["errors"]["limit"].GetString(),
                 "must be an integer from 1 to 1000");
}

TEST_F(Pagination, UnknownParametersAreIgnored) {
    EXPECT_EQ(call("GET", "/users?page=2").body, call("GET", "/users").body);
}

}  // namespace
}  // namespace users::testing
