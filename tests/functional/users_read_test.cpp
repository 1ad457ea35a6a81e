#include "tests/support/test_server.hpp"
#include "tests/support/users.hpp"

namespace users::testing {
namespace {

class UsersRead : public ServerTest {};

TEST_F(UsersRead, ListIsAnEmptyArrayAtFirst) {
    const HttpResponse response = call("GET", "/users");
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.header("content-type"), "application/json");
    EXPECT_EQ(response.body, "[]");
}

TEST_F(UsersRead, ListsEveryUserOrderedById) {
    addUser("ann", "ann@x.io");
    addUser("bob", "bob@x.io");
    const auto json = call("GET", "/users").json();
    ASSERT_TRUE(json.IsArray());
    ASSERT_EQ(json.Size(), 2U);
    EXPECT_LT(json[0]["id"].GetInt64(), json[1]["id"].GetInt64());
    EXPECT_STREQ(json[0]["username"].GetString(), "ann");
    EXPECT_STREQ(json[1]["email"].GetString(), "bob@x.io");
    EXPECT_TRUE(json[0]["created_date"].IsString());
}

TEST_F(UsersRead, GetsOneUserWithEveryField) {
    addUser("ann", "ann@x.io");
    const std::string id = std::to_string(addUser("bob", "bob@x.io"));
    const HttpResponse response = call("GET", "/users/" + id);
    EXPECT_EQ(response.status, 200);
    const auto json = response.json();
    EXPECT_EQ(std::to_string(json["id"].GetInt64()), id);
    EXPECT_STREQ(json["username"].GetString(), "bob");
    EXPECT_STREQ(json["email"].GetString(), "bob@x.io");
    EXPECT_EQ(json["created_date"].GetString(),
              queryValue("SELECT to_char(created_date AT TIME ZONE 'UTC', "
                         "'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') FROM users WHERE id = " +
                         id));
    EXPECT_EQ(json.MemberCount(), 4U);
}

TEST_F(UsersRead, UnknownUserIs404WithMessage) {
    const HttpResponse response = call("GET", "/users/999");
    EXPECT_EQ(response.status, 404);
    EXPECT_STREQ(response.json()["message"].GetString(), "User 999 does not exist");
}

// Flask's <int:id> converter takes 0, so the reference answers it as a user that does not exist.
TEST_F(UsersRead, IdZeroIsAUserThatDoesNotExist) {
    for (const char* method : {"GET", "DELETE"}) {
        const HttpResponse response = call(method, "/users/0");
        EXPECT_EQ(response.status, 404) << method;
        EXPECT_STREQ(response.json()["message"].GetString(), "User 0 does not exist") << method;
    }
    const HttpResponse put = call("PUT", "/users/0", R"({"username":"a","email":"a@x.io"})");
    EXPECT_EQ(put.status, 404);
    EXPECT_STREQ(put.json()["message"].GetString(), "User 0 does not exist");
}

TEST_F(UsersRead, MalformedIdsAreJson404s) {
    for (const char* id : {"abc", "-1", "1.5", "12abc", "99999999999999999999", "%31"}) {
        const HttpResponse response = call("GET", std::string("/users/") + id);
        EXPECT_EQ(response.status, 404) << id;
        EXPECT_EQ(response.header("content-type"), "application/json") << id;
        EXPECT_TRUE(response.json().HasMember("message")) << id;
    }
}

TEST_F(UsersRead, UnknownRouteIsAJson404) {
    for (const char* path : {"/", "/nope", "/users/1/extra"}) {
        const HttpResponse response = call("GET", path);
        EXPECT_EQ(response.status, 404) << path;
        EXPECT_STREQ(response.json()["message"].GetString(),
                     "The requested URL was not found on the server.");
    }
}

TEST_F(UsersRead, WrongMethodIsA405ListingTheAllowedOnes) {
    const HttpResponse collection = call("DELETE", "/users");
    EXPECT_EQ(collection.status, 405);
    EXPECT_EQ(collection.header("allow"), "GET, HEAD, POST, OPTIONS");
    EXPECT_TRUE(collection.json().HasMember("message"));
    const HttpResponse item = call("POST", "/users/1", "{}");
    EXPECT_EQ(item.status, 405);
    EXPECT_EQ(item.header("allow"), "GET, HEAD, PUT, DELETE, OPTIONS");
    EXPECT_EQ(call("PATCH", "/ping").header("allow"), "GET, HEAD, OPTIONS");
}

}  // namespace
}  // namespace users::testing
