#include <atomic>
#include <thread>

#include <gtest/gtest.h>

#include "project/api/users/user_json.hpp"
#include "project/errors.hpp"
#include "project/http/json.hpp"

namespace users::api {
namespace {

struct Rejection {
    std::string field;
    std::string reason;
};

Rejection rejectionOf(const std::string& body) {
    try {
        http::parseBody(body, *userInputSchema());
    } catch (const ServiceError& error) {
        EXPECT_EQ(error.kind(), ErrorKind::InvalidInput);
        return {error.items().at(0), error.message()};
    }
    ADD_FAILURE() << "accepted: " << body;
    return {};
}

TEST(ParseBody, AcceptsAValidUserAndIgnoresReadOnlyFields) {
    const auto document = http::parseBody(
        R"({"username":"ann","email":"ann@x.io","id":7,"created_date":"x"})", *userInputSchema());
    const db::UserInput input = toUserInput(document);
    EXPECT_EQ(input.username, "ann");
    EXPECT_EQ(input.email, "ann@x.io");
}

TEST(ParseBody, NamesTheMissingField) {
    EXPECT_EQ(rejectionOf(R"({"email":"a@b.io"})").field, "username");
    const Rejection missingEmail = rejectionOf(R"({"username":"ann"})");
    EXPECT_EQ(missingEmail.field, "email");
    EXPECT_EQ(missingEmail.reason, "'email' is a required property");
}

TEST(ParseBody, NamesTheFieldOfAWrongType) {
    const Rejection rejection = rejectionOf(R"({"username":5,"email":"a@b.io"})");
    EXPECT_EQ(rejection.field, "username");
    EXPECT_EQ(rejection.reason, "must be a string");
    EXPECT_EQ(rejectionOf(R"({"username":"a","email":null})").field, "email");
}

TEST(ParseBody, RejectsEmptyAndOverlongValues) {
    EXPECT_EQ(rejectionOf(R"({"username":"","email":"a@b.io"})").reason, "must not be empty");
    const std::string longName(129, 'x');
    const Rejection rejection =
        rejectionOf(R"({"username":")" + longName + R"(","email":"a@b.io"})");
    EXPECT_EQ(rejection.field, "username");
    EXPECT_EQ(rejection.reason, "must be at most 128 characters");
}

TEST(ParseBody, CountsCharactersNotBytes) {
    std::string name;
    for (int i = 0; i < 128; ++i) name += "\xC3\xA9";  // é, two bytes each
    EXPECT_NO_THROW(
        http::parseBody(R"({"username":")" + name + R"(","email":"a@b.io"})", *userInputSchema()));
}

TEST(ParseBody, RejectsAddressesThatAreNotEmails) {
    for (const char* email : {"plain", "a@b", "@b.io", "a@.io", "a b@c.io", "a@b..io", "a@@b.io"}) {
        const Rejection rejection =
            rejectionOf(std::string(R"({"username":"a","email":")") + email + "\"}");
        EXPECT_EQ(rejection.field, "email") << email;
        EXPECT_EQ(rejection.reason, "must be a valid email address") << email;
    }
}

TEST(ParseBody, RejectsBodiesThatAreNotJsonObjects) {
    for (const char* body :
         {"", "not json", "{\"username\":", "[1,2]", "\"text\"", "42", "{} {}"}) {
        EXPECT_EQ(rejectionOf(body).field, "body") << body;
    }
    EXPECT_EQ(rejectionOf("[]").reason, "must be a JSON object");
}

TEST(ParseBody, RefusesDeepNestingWithoutRecursing) {
    const std::string deep(100000, '[');
    const Rejection rejection = rejectionOf(deep);
    EXPECT_EQ(rejection.field, "body");
    EXPECT_NE(rejection.reason.find("deeper than"), std::string::npos);
    const std::string nested = R"({"username":"a","email":"a@b.io","x":)" +
                               std::string(http::kMaxJsonDepth, '[') +
                               std::string(http::kMaxJsonDepth, ']') + "}";
    EXPECT_EQ(rejectionOf(nested).field, "body");
}

TEST(ParseBody, RejectsNulCharactersAndInvalidUtf8InFields) {
    EXPECT_EQ(rejectionOf(R"({"username":"a\u0000b","email":"a@b.io"})").field, "username");
    EXPECT_EQ(rejectionOf(R"({"username":"a","email":"a\u0000@b.io"})").field, "email");
    EXPECT_EQ(rejectionOf(R"({"username":"\udc00","email":"a@b.io"})").field, "username");
    EXPECT_EQ(rejectionOf("{\"username\":\"\xff\",\"email\":\"a@b.io\"}").field, "body");
    EXPECT_EQ(rejectionOf(std::string("{\"username\":\"a\",\"email\":\"a@b.io\"}\0x", 36)).field,
              "body");
}

// Found by fuzz/fuzz_body: a zero with an exponent was undefined behaviour in RapidJSON's
// full-precision number path (fails under the sanitizer build of this suite).
TEST(ParseBody, ZeroWithAnExponentIsJustANumber) {
    const auto document =
        http::parseBody(R"({"username":"ann","email":"ann@x.io","id":0e99})", *userInputSchema());
    EXPECT_EQ(document["id"].GetDouble(), 0.0);
    EXPECT_EQ(rejectionOf(R"({"username":0e99,"email":"a@b.io"})").field, "username");
}

// Found by tests/reliability: parallel validations against one schema aborted the server inside
// RapidJSON's regex (the email pattern), whose match state lives in the shared schema.
TEST(ParseBody, ValidatesFromManyThreadsAtOnce) {
    const auto schema = userInputSchema();
    std::atomic<int> accepted{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t) {
        threads.emplace_back([&] {
            for (int i = 0; i < 2000; ++i) {
                http::parseBody(R"({"username":"ann","email":"ann.lee@example.com"})", *schema);
                ++accepted;
            }
        });
    }
    for (auto& thread : threads) thread.join();
    EXPECT_EQ(accepted.load(), 8 * 2000);
}

TEST(JsonSchema, RefusesASchemaThatIsNotJson) {
    EXPECT_THROW(http::JsonSchema("{"), std::invalid_argument);
}

TEST(UserSchemas, ListItemsAreTheUserSchemaWithoutItsTitle) {
    rapidjson::Document user;
    user.CopyFrom(userSchema()->json(), user.GetAllocator());
    user.RemoveMember("title");
    EXPECT_TRUE(userListSchema()->json()["items"] == user);
}

TEST(JsonWriting, EscapesMessages) {
    EXPECT_EQ(http::messageJson("say \"hi\"\n"), R"({"message":"say \"hi\"\n"})");
}

TEST(JsonWriting, WritesUsers) {
    const db::User user{3, "ann", "ann@x.io", "2024-01-02T03:04:05.000000Z"};
    EXPECT_EQ(
        userJson(user),
        R"({"id":3,"username":"ann","email":"ann@x.io","created_date":"2024-01-02T03:04:05.000000Z"})");
    EXPECT_EQ(userListJson({}), "[]");
    EXPECT_EQ(userListJson({user, user}).front(), '[');
}

}  // namespace
}  // namespace users::api
