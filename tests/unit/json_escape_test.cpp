#include <gtest/gtest.h>

#include <rapidjson/document.h>

#include "project/json_escape.hpp"

namespace users {
namespace {

TEST(JsonEscape, EscapesQuotesBackslashesAndControlCharacters) {
    EXPECT_EQ(jsonEscaped(R"(say "hi" \ bye)"), R"(say \"hi\" \\ bye)");
    EXPECT_EQ(jsonEscaped(std::string("a\nb\tc\0d\x1f", 8)), R"(a\u000ab\u0009c\u0000d\u001f)");
}

TEST(JsonEscape, KeepsValidUtf8AndReplacesInvalidBytes) {
    EXPECT_EQ(jsonEscaped("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80"),
              "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80");
    EXPECT_EQ(jsonEscaped("a\xff"), "a\\ufffd");
    EXPECT_EQ(jsonEscaped("\xc3"), "\\ufffd");                        // truncated sequence
    EXPECT_EQ(jsonEscaped("\xc0\xaf"), "\\ufffd\\ufffd");             // overlong
    EXPECT_EQ(jsonEscaped("\xed\xa0\x80"), "\\ufffd\\ufffd\\ufffd");  // surrogate
    EXPECT_EQ(jsonEscaped("\xe0\x80\xaf"), "\\ufffd\\ufffd\\ufffd");  // overlong 3 bytes
}

TEST(JsonEscape, AnyInputMakesAValidJsonString) {
    std::string every;
    for (int c = 0; c < 256; ++c) every += static_cast<char>(c);
    rapidjson::Document document;
    const std::string json = "\"" + jsonEscaped(every) + "\"";
    document.Parse<rapidjson::kParseValidateEncodingFlag>(json.c_str(), json.size());
    ASSERT_FALSE(document.HasParseError());
    EXPECT_TRUE(document.IsString());
}

}  // namespace
}  // namespace users
