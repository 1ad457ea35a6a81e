#include "tests/support/test_server.hpp"
#include "tests/support/users.hpp"

namespace users::testing {
namespace {

struct InvalidPayload {
    const char* name;
    std::string body;
    const char* field;  // the field named in "errors"
};

std::vector<InvalidPayload> invalidPayloads() {
    const std::string longText(129, 'x');
    return {
        {"empty object", "{}", "username"},
        {"missing username", R"({"email":"a@b.io"})", "username"},
        {"missing email", R"({"username":"a"})", "email"},
        {"username not a string", R"({"username":12,"email":"a@b.io"})", "username"},
        {"email not a string", R"({"username":"a","email":["a@b.io"]})", "email"},
        {"email null", R"({"username":"a","email":null})", "email"},
        {"empty username", R"({"username":"","email":"a@b.io"})", "username"},
        {"empty email", R"({"username":"a","email":""})", "email"},
        {"username too long", R"({"username":")" + longText + R"(","email":"a@b.io"})", "username"},
        {"email too long", R"({"username":"a","email":")" + longText + R"(@b.io"})", "email"},
        {"not an email", R"({"username":"a","email":"not-an-email"})", "email"},
        {"NUL in username", R"({"username":"a\u0000b","email":"a@b.io"})", "username"},
        {"NUL in email", R"({"username":"a","email":"a@b.io\u0000x"})", "email"},
        {"lone surrogate", R"({"username":"\udc00","email":"a@b.io"})", "username"},
        {"invalid UTF-8", "{\"username\":\"\xC3\x28\",\"email\":\"a@b.io\"}", "body"},
        {"not JSON", "username=a&email=a@b.io", "body"},
        {"truncated JSON", R"({"username":"a",)", "body"},
        {"empty body", "", "body"},
        {"array", R"([{"username":"a","email":"a@b.io"}])", "body"},
        {"string", R"("a@b.io")", "body"},
        {"deep nesting", std::string(60000, '['), "body"},  // just under the request size limit
    };
}

class Validation : public ServerTest {
protected:
    void expectRejected(const HttpResponse& response, const InvalidPayload& payload) {
        EXPECT_EQ(response.status, 400) << payload.name;
        EXPECT_EQ(response.header("content-type"), "application/json") << payload.name;
        const auto json = response.json();
        ASSERT_TRUE(json.IsObject()) << payload.name;
        EXPECT_STREQ(json["message"].GetString(), "Input payload validation failed")
            << payload.name;
        ASSERT_TRUE(json.HasMember("errors")) << payload.name << ": " << response.body;
        EXPECT_TRUE(json["errors"].HasMember(payload.field))
            << payload.name << ": " << response.body;
    }
};

TEST_F(Validation, CreateRejectsEveryInvalidPayloadAndAddsNothing) {
    for (const auto& payload : invalidPayloads()) {
        expectRejected(call("POST", "/users", payload.body), payload);
        EXPECT_EQ(countUsers(), 0) << payload.name;
    }
}

TEST_F(Validation, UpdateRejectsEveryInvalidPayloadAndChangesNothing) {
    const std::string id = std::to_string(addUser("ann", "ann@x.io"));
    const std::string before = queryValue("SELECT row(users.*)::text FROM users");
    for (const auto& payload : invalidPayloads()) {
        expectRejected(call("PUT", "/users/" + id, payload.body), payload);
        EXPECT_EQ(queryValue("SELECT row(users.*)::text FROM users"), before) << payload.name;
    }
    EXPECT_EQ(countUsers(), 1);
}

TEST_F(Validation, AcceptsTheLongestAllowedValues) {
    const std::string name(128, 'n');
    const std::string email = std::string(64, 'e') + "@" + std::string(60, 'd') + ".io";
    ASSERT_EQ(email.size(), 128U);
    EXPECT_EQ(call("POST", "/users", userJson(name, email)).status, 201);
    EXPECT_EQ(queryValue("SELECT username FROM users"), name);
}

}  // namespace
}  // namespace users::testing
