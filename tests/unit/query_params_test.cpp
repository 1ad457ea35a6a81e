#include <atomic>
#include <thread>

#include <gtest/gtest.h>

#include "project/errors.hpp"
#include "project/http/cors.hpp"
#include "project/http/query_params.hpp"

namespace users::http {
namespace {

TEST(PercentDecode, DecodesEscapesAndKeepsPlus) {
    EXPECT_EQ(percentDecode("a%40b.io"), "a@b.io");
    EXPECT_EQ(percentDecode("a+b%2Bc"), "a+b+c");
    EXPECT_EQ(percentDecode("%e2%82%AC"), "\xe2\x82\xac");
    EXPECT_FALSE(percentDecode("%4"));
    EXPECT_FALSE(percentDecode("%"));
    EXPECT_FALSE(percentDecode("%g1"));
}

TEST(ValidateQuery, KeepsDeclaredValidParametersOnly) {
    const std::vector<ParameterSpec> specs{
        {"limit", "query", "",
         std::make_shared<const JsonSchema>(R"({"type": "integer", "minimum": 1, "maximum": 9})")},
        {"id", "path", "", std::make_shared<const JsonSchema>(R"({"type": "integer"})")}};
    Pistache::Http::Uri::Query query({{"limit", "3"}, {"other", "x"}, {"id", "zz"}});
    const QueryValues values = validateQuery(query, specs);
    EXPECT_EQ(values.integer("limit"), 3);
    EXPECT_FALSE(values.text("other"));
    EXPECT_FALSE(values.integer("id"));
    Pistache::Http::Uri::Query tooBig({{"limit", "10"}});
    try {
        validateQuery(tooBig, specs);
        FAIL() << "accepted limit=10";
    } catch (const ServiceError& error) {
        EXPECT_EQ(error.items().at(0), "limit");
        EXPECT_EQ(error.message(), "must be an integer from 1 to 9");
    }
}

TEST(ValidateQuery, HandsOutValuesTypedByTheirSchemas) {
    const std::vector<ParameterSpec> specs{
        {"after", "query", "", std::make_shared<const JsonSchema>(R"({"type": "integer"})")},
        {"email", "query", "", std::make_shared<const JsonSchema>(R"({"type": "string"})")}};
    Pistache::Http::Uri::Query query({{"after", "-12"}, {"email", "12"}});
    const QueryValues values = validateQuery(query, specs);
    EXPECT_EQ(values.integer("after"), -12);
    EXPECT_FALSE(values.text("after"));
    EXPECT_EQ(values.text("email"), "12");
    EXPECT_FALSE(values.integer("email"));
    EXPECT_FALSE(values.empty());
    EXPECT_TRUE(validateQuery(Pistache::Http::Uri::Query(), specs).empty());
}

// RapidJSON 1.1 keeps a pattern's match state in the shared schema: without the schema's lock,
// parallel validations abort inside its regex.
TEST(ValidateQuery, ValidatesAPatternFromManyThreadsAtOnce) {
    const std::vector<ParameterSpec> specs{
        {"email", "query", "",
         std::make_shared<const JsonSchema>(
             R"({"type": "string", "pattern": "^[a-z.]+@[a-z]+(\\.[a-z]+)+$"})")}};
    const Pistache::Http::Uri::Query query({{"email", "ann.lee@example.com"}});
    std::atomic<int> accepted{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t) {
        threads.emplace_back([&] {
            for (int i = 0; i < 2000; ++i) {
                if (validateQuery(query, specs).text("email")) ++accepted;
            }
        });
    }
    for (auto& thread : threads) thread.join();
    EXPECT_EQ(accepted.load(), 8 * 2000);
}

TEST(Cors, AnyOriginAnswersStarWithoutVary) {
    Response response;
    Cors().decorate("http://a.example", response);
    EXPECT_EQ(response.headers.at(0),
              (std::pair<std::string, std::string>{"Access-Control-Allow-Origin", "*"}));
    Response withoutOrigin;
    Cors().decorate("", withoutOrigin);
    EXPECT_TRUE(withoutOrigin.headers.empty());
}

TEST(Cors, AListVariesAndEchoesOnlyListedOrigins) {
    const Cors cors({"http://a.example"});
    Response listed;
    cors.decorate("http://a.example", listed);
    EXPECT_EQ(listed.headers.at(0).first, "Vary");
    EXPECT_EQ(listed.headers.at(1).second, "http://a.example");
    Response other;
    cors.decorate("http://b.example", other);
    EXPECT_EQ(other.headers.size(), 1U);
}

}  // namespace
}  // namespace users::http
