#include "tests/support/test_server.hpp"
#include "tests/support/users.hpp"

namespace users::testing {
namespace {

class UsersWrite : public ServerTest {
protected:
    std::string message(const HttpResponse& response) {
        return response.json()["message"].GetString();
    }
};

TEST_F(UsersWrite, CreateAnswers201AndStoresTheUser) {
    const HttpResponse response =
        call("POST", "/users", R"({"username":"ann","email":"ann@x.io"})");
    EXPECT_EQ(response.status, 201);
    EXPECT_EQ(response.header("content-type"), "application/json");
    EXPECT_EQ(message(response), "ann@x.io was added!");
    EXPECT_EQ(queryValue("SELECT username || ' ' || email FROM users"), "ann ann@x.io");
    EXPECT_EQ(response.header("location"), "/users/" + queryValue("SELECT id FROM users"));
}

TEST_F(UsersWrite, CreateIgnoresReadOnlyFields) {
    call("POST", "/users",
         R"({"username":"ann","email":"ann@x.io","id":777,"created_date":"1999-01-01T00:00:00Z"})");
    EXPECT_EQ(queryValue("SELECT count(*) FROM users WHERE id = 777"), "0");
    EXPECT_EQ(
        queryValue("SELECT count(*) FROM users WHERE created_date > now() - interval '1 hour'"),
        "1");
}

TEST_F(UsersWrite, DuplicateEmailInAnyCaseIsRejectedAndChangesNothing) {
    addUser("ann", "Ann@X.io");
    for (const char* email : {"Ann@X.io", "ann@x.io", "ANN@X.IO"}) {
        const HttpResponse response = call("POST", "/users", userJson("other", email));
        EXPECT_EQ(response.status, 400) << email;
        EXPECT_EQ(message(response), "Sorry. That email already exists.");
    }
    EXPECT_EQ(countUsers(), 1);
    EXPECT_EQ(queryValue("SELECT email FROM users"), "Ann@X.io");
}

TEST_F(UsersWrite, UpdateChangesTheUser) {
    const std::string id = std::to_string(addUser("ann", "ann@x.io"));
    const HttpResponse response =
        call("PUT", "/users/" + id, R"({"username":"anna","email":"anna@x.io"})");
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(message(response), id + " was updated!");
    EXPECT_EQ(queryValue("SELECT username || ' ' || email FROM users WHERE id = " + id),
              "anna anna@x.io");
}

TEST_F(UsersWrite, UpdateMayKeepTheUsersOwnEmail) {
    const std::string id = std::to_string(addUser("ann", "ann@x.io"));
    EXPECT_EQ(call("PUT", "/users/" + id, R"({"username":"anna","email":"ANN@x.io"})").status, 200);
    EXPECT_EQ(queryValue("SELECT email FROM users WHERE id = " + id), "ANN@x.io");
}

TEST_F(UsersWrite, UpdateToAnotherUsersEmailIsRejectedAndChangesNothing) {
    const std::string ann = std::to_string(addUser("ann", "ann@x.io"));
    addUser("bob", "bob@x.io");
    const HttpResponse response =
        call("PUT", "/users/" + ann, R"({"username":"anna","email":"BOB@x.io"})");
    EXPECT_EQ(response.status, 400);
    EXPECT_EQ(message(response), "Sorry. That email already exists.");
    EXPECT_EQ(queryValue("SELECT username || ' ' || email FROM users WHERE id = " + ann),
              "ann ann@x.io");
}

TEST_F(UsersWrite, UpdateOfAnUnknownUserIs404) {
    const HttpResponse response = call("PUT", "/users/999", R"({"username":"a","email":"a@x.io"})");
    EXPECT_EQ(response.status, 404);
    EXPECT_EQ(message(response), "User 999 does not exist");
    EXPECT_EQ(countUsers(), 0);
    EXPECT_EQ(call("PUT", "/users/abc", R"({"username":"a","email":"a@x.io"})").status, 404);
}

TEST_F(UsersWrite, DeleteRemovesTheUser) {
    const std::string id = std::to_string(addUser("ann", "ann@x.io"));
    addUser("bob", "bob@x.io");
    const HttpResponse response = call("DELETE", "/users/" + id);
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(message(response), "ann@x.io was removed!");
    EXPECT_EQ(countUsers(), 1);
    EXPECT_EQ(call("GET", "/users/" + id).status, 404);
}

TEST_F(UsersWrite, DeleteOfAnUnknownUserIs404AndChangesNothing) {
    addUser("ann", "ann@x.io");
    const HttpResponse response = call("DELETE", "/users/999");
    EXPECT_EQ(response.status, 404);
    EXPECT_EQ(message(response), "User 999 does not exist");
    EXPECT_EQ(call("DELETE", "/users/-1").status, 404);
    EXPECT_EQ(countUsers(), 1);
}

}  // namespace
}  // namespace users::testing
